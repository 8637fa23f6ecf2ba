import {en} from './en.js';
import {es} from './es.js';

type Widen<T> = T extends (...args: infer A) => string ? (...args: A) => string : string;

/** Every UI string of the library; functions take the numbers they interpolate. */
export type CareStrings = {[K in keyof typeof en]: Widen<(typeof en)[K]>};

/** The languages with a built-in catalogue. */
export type CareLang = 'en' | 'es';

export const CATALOGUES: Readonly<Record<CareLang, CareStrings>> = {en, es};

/**
 * The language of the nearest `lang` attribute, looking through shadow roots to their hosts,
 * reduced to a catalogue we have (`es-MX` -> `es`); English when nothing matches.
 */
export function resolveLang(el: Element): CareLang {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang !== null) return lang.toLowerCase().split('-')[0] === 'es' ? 'es' : 'en';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}
