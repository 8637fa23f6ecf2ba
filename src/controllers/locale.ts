import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {CATALOGUES, resolveLang, type CareLang, type CareStrings} from '../i18n/index.js';

type LocaleHost = ReactiveControllerHost & HTMLElement & {strings?: Partial<CareStrings>};

const hosts = new Set<LocaleHost>();
let observer: MutationObserver | undefined;

const LANG_CHANGES: MutationObserverInit = {attributes: true, attributeFilter: ['lang'], subtree: true};

/**
 * One observer for the whole page: a `lang` change anywhere re-renders the elements below it.
 * It watches the document and every shadow root a host sits in (an app shell's), since a
 * document's subtree does not reach into shadow trees.
 */
function watch(host: HTMLElement): void {
  if (typeof MutationObserver === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
    observer.observe(document.documentElement, LANG_CHANGES);
  }
  // Observing a root again only replaces its (identical) options.
  for (let root = host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observer.observe(root, LANG_CHANGES);
}

/**
 * Picks the UI language from the nearest `lang` attribute and merges the host's `strings`
 * overrides over that catalogue.
 */
export class LocaleController implements ReactiveController {
  /** The active catalogue language, refreshed before each render. */
  lang: CareLang = 'en';

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watch(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The strings to render with: the catalogue, then the host's overrides (merged once per update). */
  strings: CareStrings = CATALOGUES.en;

  hostUpdate(): void {
    // On the server an element has no ancestors to look through: its own `lang` decides.
    this.lang = isServer ? (this.host.getAttribute('lang')?.toLowerCase().split('-')[0] === 'es' ? 'es' : 'en') : resolveLang(this.host);
    const overrides = this.host.strings;
    this.strings = overrides ? {...CATALOGUES[this.lang], ...overrides} : CATALOGUES[this.lang];
  }
}
