import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {CATALOGUES, resolveLang, type CareLang, type CareStrings} from '../i18n/index.js';

type LocaleHost = ReactiveControllerHost & HTMLElement & {strings?: Partial<CareStrings>};

const hosts = new Set<LocaleHost>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: a `lang` change anywhere re-renders the elements below it. */
function watch(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
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
    watch();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The strings to render with: the catalogue, then the host's overrides (merged once per update). */
  strings: CareStrings = CATALOGUES.en;

  hostUpdate(): void {
    this.lang = resolveLang(this.host);
    const overrides = this.host.strings;
    this.strings = overrides ? {...CATALOGUES[this.lang], ...overrides} : CATALOGUES[this.lang];
  }
}
