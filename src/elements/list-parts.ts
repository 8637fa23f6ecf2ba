import {html, nothing, type TemplateResult} from 'lit';
import type {CareItem} from '../content/article.js';
import type {ListContent} from '../lib/list-content.js';
import {emit} from '../events.js';
import {renderHeading} from './heading.js';
import {checkedState, withElement} from './with-element.js';

/** What the three lists render from: the content the items source resolved. */
type Shown = ListContent<HTMLElement>;

/**
 * The page's own node (its heading or caution) shown in place: a slot it is assigned to as the
 * slot renders (manual slot assignment), styled by the page, so upgrading moves nothing.
 */
function renderInPlace(which: 'heading' | 'caution', node: HTMLElement): TemplateResult {
  return html`<slot data-light=${which} ${withElement((slot) => (slot as HTMLSlotElement).assign(node))}></slot>`;
}

/** The list's heading: the page's own, or ours at the level asked; nothing when there is none. */
export function renderListHeading({heading}: Shown): TemplateResult | typeof nothing {
  if (!heading) return nothing;
  return heading.node ? renderInPlace('heading', heading.node) : renderHeading(heading.level, heading.text);
}

/**
 * The `ul` of `items`, named by the heading: ours by reference, the page's (in another tree) by
 * its text; busy while `src` loads.
 */
export function renderList({heading, loading}: Shown, items: unknown): TemplateResult {
  const text = heading?.text;
  // role="list": WebKit drops the list role of a list styled without markers.
  return html`<ul part="list" role="list" aria-labelledby=${text && !heading?.node ? 'heading' : nothing}
    aria-label=${text && heading?.node ? text : nothing} aria-busy=${loading ? 'true' : 'false'}>${items}</ul>`;
}

/** The caution under the list: the page's own paragraph, or ours; nothing when there is none. */
export function renderCaution({caution}: Shown): TemplateResult | typeof nothing {
  if (!caution) return nothing;
  return caution.node ? renderInPlace('caution', caution.node) : html`<p part="caution">${caution.text}</p>`;
}

/** An item as a checkbox with its label (the symptom self-check and the treatment checklist). */
export function renderCheckItem(item: CareItem, index: number, checked: boolean, check: (id: string, checked: boolean) => void): TemplateResult {
  const id = `check-${index}`;
  // Set at each render, as live() would: the box may have been checked by the reader since the last render.
  return html`<li part="item" class="check">
    <input part="checkbox" type="checkbox" id=${id} ${checkedState(checked)}
      @change=${(e: Event) => check(item.id, (e.target as HTMLInputElement).checked)} /><label part="label" for=${id}>${item.label}</label>
  </li>`;
}

/**
 * The footer under a checkbox list's items: `notice`, a polite status line that says where the
 * checked items are kept (empty, and taking no space, until there is something to say, yet in the
 * tree so its first message is announced), beside `control`, the button that forgets them.
 */
export function renderStorageFooter(notice: string, control: unknown): TemplateResult {
  // Empty, it is a plain block with nothing in it, which margins collapse through: the list's and
  // the caution's stay one, as on the page before the upgrade, and nothing below moves.
  return html`<div part="footer" class="notice" ?data-empty=${!notice && control === nothing}><p part="storage-notice" role="status">${notice}</p>${control}</div>`;
}

/** Fires `care-change`: `checked` are the checked ids among the `total` items shown, in list order. */
export function emitCheckedChange(host: HTMLElement, checked: string[], total: number): void {
  emit(host, 'care-change', {ids: checked, done: checked.length, total});
}

/**
 * Moves focus to the first checkbox: where a reader who forgot the checked items goes on (the
 * button they pressed goes away or is disabled).
 */
export function focusFirstCheckbox(root: ParentNode): void {
  root.querySelector<HTMLElement>('[part~="checkbox"]')?.focus();
}
