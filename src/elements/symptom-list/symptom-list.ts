import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {CareItem} from '../../content/article.js';
import {PersistedIdsController, defaultStorageKey} from '../../controllers/persisted-ids.js';
import {CareListElement} from '../list-base.js';
import {
  emitCheckedChange,
  focusFirstCheckbox,
  renderCaution,
  renderCheckItem,
  renderList,
  renderListHeading,
  renderStorageFooter,
} from '../list-parts.js';
import {styles} from './symptom-list.styles.js';

/**
 * The article's symptoms of leaky gut syndrome, optionally as a self-check: a checkbox per symptom.
 * With `persist`, the checked symptoms are kept on the device for `keep-days` days after the last
 * change, and while some are, a line under the list tells the reader so, with "Forget them".
 *
 * @tagname care-symptom-list
 * @summary A list of symptoms; with `selectable`, a checklist with a live summary.
 * @slot - An optional `<h2>`…`<h6>`, `<ul>`/`<ol>` of `<li>` and `<p>` caution: the page's own
 *   content, shown before JavaScript runs and used as the element's content (not rendered as a slot).
 * @csspart heading - The heading.
 * @csspart list - The `ul`.
 * @csspart item - Each `li`.
 * @csspart checkbox - Each checkbox (with `selectable`).
 * @csspart label - Each label (with `selectable`).
 * @csspart summary - The summary of checked symptoms: a live count, then the guidance (with `selectable`).
 * @csspart footer - The row under the list with the storage notice and "Forget them" (with `selectable persist`).
 * @csspart storage-notice - "Your marks are kept on this device for 30 days.", while some are; a polite live region.
 * @csspart forget - The "Forget them" button, which unchecks the symptoms and removes them from the device.
 * @csspart caution - The caution under the list.
 * @cssprop --care-list-indent - Indent of the plain list.
 * @cssprop --care-list-gap - Space between items.
 * @fires {CustomEvent<CareChangeDetail>} care-change - The reader checked or unchecked a symptom; `detail: {ids, done, total}`.
 * @fires {CustomEvent<CareErrorDetail>} care-error - `src` could not be loaded (`source: 'src'`, with its `url`) or
 *   the `items` property holds nothing usable (`source: 'config'`); `detail: {source, message, url}`.
 */
export class CareSymptomList extends CareListElement {
  static override styles = [...CareListElement.styles, styles];

  protected readonly article = 'symptoms';

  private readonly checkedIds = new PersistedIdsController(
    this,
    () => (this.persist ? this.storageKey || defaultStorageKey(this.localName) : null),
    () => this.keepDays,
    () => this.hydrating,
  );

  /**
   * Whether the reader has checked or unchecked something here. Until then, with nothing checked,
   * the summary stays empty (and takes no space), so upgrading a light-DOM list moves nothing.
   */
  @state() private _interacted = false;

  /** Turns each symptom into a checkbox the reader can check, with a live summary. */
  @property({type: Boolean, reflect: true}) selectable = false;

  /** Keeps the checked symptoms in localStorage so they survive a reload (with `selectable`). */
  @property({type: Boolean, reflect: true}) persist = false;

  /** The localStorage key for `persist`; by default the tag name and the page path. */
  @property({attribute: 'storage-key'}) storageKey = '';

  /** Days the checked symptoms are kept after the last change (with `persist`); `0` keeps them for this page only. */
  @property({attribute: 'keep-days', type: Number}) keepDays = 30;

  /** The ids of the checked symptoms that are in the list now, in list order. */
  get selected(): string[] {
    return this.checkedIds.among(this.shownItems);
  }

  private toggleSymptom(id: string, checked: boolean): void {
    this._interacted = true;
    this.checkedIds.set(id, checked);
    emitCheckedChange(this, this.selected, this.shownItems.length);
  }

  /** "Forget them": unchecks the symptoms, removes them from the device, and returns to the first checkbox. */
  private forgetChecked(): void {
    this.clear();
    emitCheckedChange(this, this.selected, this.shownItems.length);
    focusFirstCheckbox(this.renderRoot);
  }

  /** Unchecks every symptom shown and removes them from storage (does not fire `care-change`). */
  clear(): void {
    this.checkedIds.clear(this.shownItems.map((item) => item.id));
  }

  private renderSymptom(item: CareItem, index: number) {
    return this.selectable
      ? renderCheckItem(item, index, this.checkedIds.ids.has(item.id), (id, checked) => this.toggleSymptom(id, checked))
      : html`<li part="item">${item.label}</li>`;
  }

  /**
   * The count is a polite live region of its own, announced at each mark; the guidance beside it
   * is read with the page, not again at every mark.
   */
  private renderSummary() {
    const checked = this.selected.length;
    const shown = checked > 0 || this._interacted;
    return html`<p part="summary" ?data-empty=${!shown}><span role="status">${shown ? this.t.symptomsSummary(checked, this.shownItems.length) : ''}</span>${
      checked ? html` ${this.t.symptomsGuidance}` : nothing
    }</p>`;
  }

  private renderFooter() {
    const t = this.t;
    const kept = this.checkedIds.keptAmong(this.shownItems);
    return renderStorageFooter(
      kept ? t.symptomsKept(this.keepDays) : this.checkedIds.forgotten ? t.keptForgotten : '',
      kept ? html`<button part="forget" class="quiet" type="button" @click=${this.forgetChecked}>${t.symptomsForget}</button>` : nothing,
    );
  }

  override render() {
    const shown = this.shown;
    return html`
      ${renderListHeading(shown)}
      ${renderList(
        shown,
        shown.items.map((item, i) => this.renderSymptom(item, i)),
      )}
      ${this.selectable ? this.renderSummary() : nothing}
      ${this.selectable && this.persist ? this.renderFooter() : nothing}
      ${renderCaution(shown)}
    `;
  }
}
