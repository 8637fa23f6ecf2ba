/**
 * Reading and ticking the three lists (<care-symptom-list>, <care-cause-list>,
 * <care-treatment-checklist>) as a reader sees them, and collecting their events.
 */
import type {CareChangeDetail, CareErrorDetail} from '../../src/events.js';
import {shadow, textOf} from './dom.js';

/** The labels of the shown items (`li` text, or the label/summary inside it). */
export function itemLabels(el: Element): string[] {
  return [...shadow(el).querySelectorAll('li')].map((li) => textOf(li.querySelector('label, summary') ?? li));
}

/**
 * The heading or caution a reader sees: ours (a `part` in the shadow root) or the page's own
 * light-DOM element, slotted in place.
 */
export function shownTexts(el: Element, which: 'heading' | 'caution'): string[] {
  const slotted = [...shadow(el).querySelectorAll<HTMLSlotElement>(`slot[data-light="${which}"]`)].flatMap((slot) => slot.assignedElements());
  return [...shadow(el).querySelectorAll(`[part~="${which}"]`), ...slotted].map(textOf);
}

/** Ticks the item at `index` the way a reader does: a click on its label. */
export function clickLabel(el: Element, index: number): void {
  shadow(el).querySelectorAll<HTMLLabelElement>('label[part~="label"]')[index].click();
}

/** The `checked` state of every checkbox. */
export function checkedStates(el: Element): boolean[] {
  return [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((i) => i.checked);
}

/** Collects `care-change` details fired by `el`. */
export function collectChanges(el: Element): CareChangeDetail[] {
  const details: CareChangeDetail[] = [];
  el.addEventListener('care-change', (e) => details.push((e as CustomEvent<CareChangeDetail>).detail));
  return details;
}

/** Collects the `care-error` details that reach the document, until `stop()`. */
export function collectErrors(): {details: CareErrorDetail[]; stop(): void} {
  const details: CareErrorDetail[] = [];
  const listener = (e: CustomEvent<CareErrorDetail>) => details.push(e.detail);
  document.addEventListener('care-error', listener);
  return {details, stop: () => document.removeEventListener('care-error', listener)};
}
