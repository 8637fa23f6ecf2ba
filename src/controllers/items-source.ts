import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CareItem} from '../content/article.js';
import {normalizeItems} from '../lib/items.js';
import {emit, type CareErrorDetail} from '../events.js';

/** The channel the shown items came from. */
export type ItemsChannel = 'items' | 'src' | 'light' | 'default';

/** What an element authored in light DOM: its list, and optionally a heading and a caution paragraph. */
export interface LightContent {
  items: CareItem[];
  heading?: {text: string; level: number; element: HTMLElement};
  caution?: {text: string; element: HTMLElement};
}

type ItemsHost = ReactiveControllerHost &
  HTMLElement & {
    items: readonly unknown[] | null | undefined;
    src: string | null | undefined;
  };

/**
 * Resolves a list element's items from the first channel present: the `items` property, the
 * `src` JSON URL, a `<ul>`/`<ol>` written in light DOM, the article's default. A `src` that fails
 * (network, HTTP error, not JSON, wrong shape) logs one console error, fires `care-error`, and the
 * next channel shows: the reader never sees a blank element.
 */
export class ItemsSourceController implements ReactiveController {
  /** The items to render. */
  items: readonly CareItem[] = [];
  /** Where they came from. */
  channel: ItemsChannel = 'default';
  /** True while `src` is loading and nothing else can stand in. */
  loading = false;
  /** The light-DOM content, if the page wrote any. */
  light: LightContent | undefined;

  private seenItems: unknown = undefined;
  private seenSrc: string | null | undefined = undefined;
  private propItems: CareItem[] | null = null;
  private srcItems: CareItem[] | null = null;
  private loadingUrl: string | undefined;
  private fetchAbort: AbortController | undefined;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: ItemsHost,
    private readonly fallback: () => readonly CareItem[],
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.readLight();
    this.observer ??= new MutationObserver(() => {
      this.readLight();
      this.host.requestUpdate();
    });
    this.observer.observe(this.host, {childList: true, subtree: true, characterData: true, attributeFilter: ['data-id', 'data-detail', 'id']});
    // Reconnection after a move: a src fetch aborted on disconnect must start again.
    if (this.host.src && !this.srcItems && !this.loadingUrl) this.seenSrc = undefined;
    // After a reconnection nothing else schedules an update: without one, a src fetch aborted by
    // the move never restarts (the list stays empty) and light DOM edited while detached is not shown.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.fetchAbort?.abort();
    this.fetchAbort = undefined;
    this.loadingUrl = undefined;
  }

  hostUpdate(): void {
    const {items, src} = this.host;
    if (items !== this.seenItems) {
      this.seenItems = items;
      this.propItems = null;
      if (items != null) {
        const normalized = normalizeItems(items, (m) => this.warn(m));
        // As for src: nothing usable is a mistake to report, and never a blank list.
        if (normalized?.length) this.propItems = normalized;
        else this.fail({source: 'config', message: normalized ? 'the items property holds no item with a label.' : 'the items property must be an array of {id, label, detail?}.'});
      }
    }
    if (src !== this.seenSrc) {
      this.seenSrc = src;
      this.load(src);
    }
    this.resolve();
  }

  private resolve(): void {
    const light = this.light?.items.length ? this.light.items : null;
    this.loading = false;
    if (this.propItems) [this.items, this.channel] = [this.propItems, 'items'];
    else if (this.srcItems) [this.items, this.channel] = [this.srcItems, 'src'];
    else if (this.loadingUrl && !light) [this.items, this.channel, this.loading] = [[], 'src', true];
    else if (light) [this.items, this.channel] = [light, 'light'];
    else [this.items, this.channel] = [this.fallback(), 'default'];
  }

  private readLight(): void {
    const list = this.host.querySelector(':scope > ul, :scope > ol');
    if (!list) {
      this.light = undefined;
      return;
    }
    const raw = [...list.querySelectorAll(':scope > li')].map((li) => ({
      id: li.getAttribute('data-id') ?? li.id ?? '',
      label: li.textContent?.replace(/\s+/g, ' ') ?? '',
      detail: li.getAttribute('data-detail') ?? undefined,
    }));
    const heading = this.host.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6');
    const caution = this.host.querySelector(':scope > p');
    this.light = {
      items: normalizeItems(raw, (m) => this.warn(m)) ?? [],
      heading: heading ? {text: heading.textContent!.trim(), level: Number(heading.tagName[1]), element: heading as HTMLElement} : undefined,
      caution: caution?.textContent?.trim() ? {text: caution.textContent.trim(), element: caution as HTMLElement} : undefined,
    };
  }

  private async load(src: string | null | undefined): Promise<void> {
    this.fetchAbort?.abort();
    this.fetchAbort = undefined;
    this.srcItems = null;
    this.loadingUrl = undefined;
    if (!src) return;
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      this.fail({source: 'src', url: src, message: `could not load items from "${src}": not a valid URL.`});
      return;
    }
    const abort = (this.fetchAbort = new AbortController());
    this.loadingUrl = url;
    let problem: string;
    try {
      const response = await fetch(url, {signal: abort.signal, headers: {Accept: 'application/json'}, credentials: 'same-origin'});
      if (!response.ok) problem = `HTTP ${response.status}`;
      else {
        let json: unknown;
        try {
          json = JSON.parse(await response.text());
        } catch {
          json = undefined;
          problem = 'the response is not JSON';
        }
        if (json !== undefined) {
          const items = normalizeItems(json, (m) => this.warn(`${m} (from "${url}")`));
          if (items?.length) {
            if (abort.signal.aborted) return;
            this.srcItems = items;
            this.loadingUrl = undefined;
            this.host.requestUpdate();
            return;
          }
          problem = items ? 'it holds no item with a label' : 'expected an array of items or {"items": [...]}';
        }
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      problem = error instanceof Error ? error.message : String(error);
    }
    if (abort.signal.aborted) return;
    this.loadingUrl = undefined;
    this.fail({source: 'src', url, message: `could not load items from "${url}": ${problem!}.`});
    this.host.requestUpdate();
  }

  private warn(message: string): void {
    console.warn(`<${this.host.localName}>: ${message}`);
  }

  private fail(detail: CareErrorDetail): void {
    console.error(`<${this.host.localName}>: ${detail.message} Showing the next available content instead.`);
    emit(this.host, 'care-error', detail);
  }
}
