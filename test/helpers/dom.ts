/**
 * Reading what an element rendered: its shadow root, parts, text and focus, and waiting for it
 * to render or to fire an event. Nothing here knows one element from another.
 */
import {aTimeout, oneEvent} from '@open-wc/testing';

/** The shadow root of an element, asserted present. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Whitespace-collapsed, trimmed text of a node; '' for none. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text (as `textOf`) of every match of `selector` in the element's shadow root. */
export function texts(el: Element, selector: string): string[] {
  return [...shadow(el).querySelectorAll(selector)].map(textOf);
}

/** The first element of the part `name` in the shadow root, asserted present. */
export function part<T extends HTMLElement = HTMLElement>(el: Element, name: string): T {
  const found = shadow(el).querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${el.localName}> has no part "${name}"`);
  return found;
}

/** The control (or any element) with this id in the shadow root, asserted present. */
export function byId<T extends HTMLElement = HTMLInputElement>(el: Element, id: string): T {
  const found = shadow(el).getElementById(id) as T | null;
  if (!found) throw new Error(`<${el.localName}> has no #${id}`);
  return found;
}

/** The element focused inside the shadow root (the document's focus is the host). */
export function focused(el: Element): Element | null {
  return shadow(el).activeElement;
}

/**
 * What has focus inside the element, as `part#id`: a string, because an element in a failed
 * assertion is slow to serialise.
 */
export function focusedPart(el: Element): string | null {
  const active = focused(el);
  return active ? `${active.getAttribute('part')}#${active.id}` : null;
}

/** The text of a control's accessible description: the elements its aria-describedby names. */
export function description(el: Element, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => textOf(shadow(el).getElementById(id)))
    .filter(Boolean)
    .join(' ');
}

/**
 * The name a `<label>` gives its control: its text without what is hidden from assistive
 * technology (`aria-hidden`), whitespace collapsed, as the accessible name computation reads it.
 */
export function labelName(label: Element | null): string {
  if (!label) return '';
  const copy = label.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return textOf(copy);
}

/**
 * Waits for the first render of every care element inside `wrap`. An element parsed into a page
 * (an upgrade, as a string fixture's is) renders in a task of its own, so a wrapper's fixture
 * resolving does not mean the elements inside have rendered.
 */
export async function settle(wrap: Element): Promise<void> {
  const elements = [...wrap.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-'));
  await Promise.all(elements.map((el) => (el as Element & {updateComplete?: Promise<unknown>}).updateComplete ?? Promise.resolve()));
}

/** Resolves with the next event of `type` on `el`, or rejects after `ms`. */
export function nextEvent<T>(el: Element, type: string, ms = 8000): Promise<CustomEvent<T>> {
  return Promise.race([
    oneEvent<CustomEvent<T>>(el, type),
    aTimeout(ms).then(() => {
      throw new Error(`no ${type} within ${ms} ms`);
    }),
  ]);
}

/** WebKit proper (Safari, MiniBrowser): AppleWebKit in the user agent without Chromium's tokens. */
export const isWebKit = () => /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium|Edg\//.test(navigator.userAgent);
