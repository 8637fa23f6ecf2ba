import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import type {CareItem} from '../content/article.js';
import {normalizeItems} from '../lib/items.js';
import {
  resolveListContent,
  type DefaultList,
  type ItemsChannel,
  type LightContent,
  type ListContent,
  type ListOverrides,
} from '../lib/list-content.js';
import {emit, type CareErrorDetail} from '../events.js';

type ItemsHost = ReactiveControllerHost &
  HTMLElement & {
    items: readonly unknown[] | null | undefined;
    src: string | null | undefined;
  } & ListOverrides;

/**
 * Reads a list element's content channels (the `items` property, the `src` JSON URL, a
 * `<ul>`/`<ol>` written in light DOM with its heading and caution) and, at each update, resolves
 * what the element shows from them and the element's `heading`, `heading-level` and `caution`
 * (`resolveListContent`). A `src` that fails (network, HTTP error, not JSON, wrong shape) logs one
 * console error, fires `care-error`, and the next channel shows: the reader never sees a blank element.
 */
export class ItemsSourceController implements ReactiveController {
  /** What the element shows now: items, their channel, heading and caution. */
  content: ListContent<HTMLElement> = {items: [], channel: 'default', loading: false};
  /** The light-DOM content, if the page wrote a list. */
  light: LightContent<HTMLElement> | undefined;

  private seenItems: unknown = undefined;
  private seenSrc: string | null | undefined = undefined;
  private propItems: CareItem[] | null = null;
  private srcItems: CareItem[] | null = null;
  private loadingUrl: string | undefined;
  private fetchAbort: AbortController | undefined;
  private observer: MutationObserver | undefined;

  /**
   * @param fallback The default content: a list with the heading and caution that go with its
   *   items (the article's), or items alone.
   */
  constructor(
    private readonly host: ItemsHost,
    private readonly fallback: () => DefaultList | readonly CareItem[],
  ) {
    host.addController(this);
  }

  /** The items to render. */
  get items(): readonly CareItem[] {
    return this.content.items;
  }

  /** Where they came from. */
  get channel(): ItemsChannel {
    return this.content.channel;
  }

  /** True while `src` is loading and nothing else can stand in. */
  get loading(): boolean {
    return this.content.loading;
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
    const {items, src, heading, headingLevel, caution} = this.host;
    if (items !== this.seenItems) {
      this.seenItems = items;
      this.propItems = null;
      if (items != null) {
        const normalized = normalizeItems(items, (m) => this.warn(m));
        // As for src: nothing usable is a mistake to report, and never a blank list.
        if (normalized?.length) this.propItems = normalized;
        else
          this.fail({
            source: 'config',
            message: normalized ? 'the items property holds no item with a label.' : 'the items property must be an array of {id, label, detail?}.',
          });
      }
    }
    if (src !== this.seenSrc) {
      this.seenSrc = src;
      void this.load(src);
    }
    const fallback = this.fallback();
    this.content = resolveListContent(
      {
        items: this.propItems,
        srcItems: this.srcItems,
        srcLoading: !!this.loadingUrl,
        light: this.light,
        fallback: 'items' in fallback ? fallback : {items: fallback},
      },
      {heading, headingLevel, caution},
    );
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
    const heading = this.host.querySelector<HTMLElement>(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6');
    const caution = this.host.querySelector<HTMLElement>(':scope > p');
    const cautionText = caution?.textContent?.trim();
    // The page's nodes can be shown in place only by a shadow root that assigns slots manually
    // (https://developer.mozilla.org/docs/Web/API/HTMLSlotElement/assign); elsewhere their text is rendered.
    const inPlace = this.host.shadowRoot?.slotAssignment === 'manual';
    this.light = {
      items: normalizeItems(raw, (m) => this.warn(m)) ?? [],
      heading: heading ? {text: heading.textContent.trim(), level: Number(heading.tagName[1]), node: inPlace ? heading : undefined} : undefined,
      caution: cautionText ? {text: cautionText, node: inPlace ? caution! : undefined} : undefined,
    };
  }

  /**
   * Loads `src`, aborting the load before it: only the last `src` shows, and a failure is reported
   * once. (`@lit/task` would keep this bookkeeping, but it costs the bundle about 0.5 KB brotli and
   * would still need an abort on disconnect and a new run after a move.)
   */
  private async load(src: string | null | undefined): Promise<void> {
    this.fetchAbort?.abort();
    this.fetchAbort = undefined;
    this.srcItems = null;
    this.loadingUrl = undefined;
    // The browser loads `src`; a server render shows the next channel.
    if (!src || isServer) return;
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      this.fail({source: 'src', url: src, message: `could not load items from "${src}": not a valid URL.`});
      return;
    }
    const abort = (this.fetchAbort = new AbortController());
    this.loadingUrl = url;
    let answer: CareItem[] | string;
    try {
      answer = await fetchItems(url, abort.signal, (m) => this.warn(`${m} (from "${url}")`));
    } catch (error) {
      answer = error instanceof Error ? error.message : String(error);
    }
    // A newer src, or a disconnection, took over: nothing to show or report.
    if (abort.signal.aborted) return;
    this.loadingUrl = undefined;
    if (typeof answer === 'string') this.fail({source: 'src', url, message: `could not load items from "${url}": ${answer}.`});
    else this.srcItems = answer;
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

/** Fetches `url` and reads its items: resolves to them, or to what is wrong with the answer. */
async function fetchItems(url: string, signal: AbortSignal, warn: (message: string) => void): Promise<CareItem[] | string> {
  const response = await fetch(url, {signal, headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) return `HTTP ${response.status}`;
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    return 'the response is not JSON';
  }
  const items = normalizeItems(json, warn);
  return items?.length ? items : items ? 'it holds no item with a label' : 'expected an array of items or {"items": [...]}';
}
