import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {PersistedIdsController, defaultStorageKey} from '../../controllers/persisted-ids.js';
import {CareListElement, renderFooter} from '../list-base.js';
import {styles} from './symptom-list.styles.js';

/**
 * The article's symptoms of leaky gut syndrome, optionally as a self-check the reader ticks.
 * With `persist`, the marks are kept on the device for `keep-days` days after the last change,
 * and while some are, a line under the list tells the reader so, with "Forget them".
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
 * @csspart summary - The live summary of marked symptoms (with `selectable`).
 * @csspart footer - The row under the list with the storage notice and "Forget them" (with `selectable persist`).
 * @csspart storage-notice - "Your marks are kept on this device for 30 days.", while some are; a polite live region.
 * @csspart forget - The "Forget them" button, which unmarks the symptoms and removes them from the device.
 * @csspart caution - The caution under the list.
 * @cssprop --care-color-accent - Checkbox and summary accent.
 * @cssprop --care-list-indent - Indent of the plain list.
 * @cssprop --care-list-gap - Space between items.
 * @fires care-change - The reader marked or unmarked a symptom; `detail: {ids, done, total}`.
 * @fires care-error - `src` could not be loaded; `detail: {source, message, url}`.
 */
export class CareSymptomList extends CareListElement {
  static override styles = [...CareListElement.styles, styles];

  protected readonly article = 'symptoms';

  private readonly marks = new PersistedIdsController(
    this,
    () => (this.persist ? this.storageKey || defaultStorageKey(this.localName) : null),
    () => this.keepDays,
  );

  /**
   * Whether the reader has marked or unmarked something here. Until then, with nothing marked,
   * the summary stays empty (and takes no space), so upgrading a light-DOM list moves nothing.
   */
  @state() private _interacted = false;

  /** Turns each symptom into a checkbox the reader can tick, with a live summary. */
  @property({type: Boolean, reflect: true}) selectable = false;

  /** Keeps the marks in localStorage so they survive a reload (with `selectable`). */
  @property({type: Boolean, reflect: true}) persist = false;

  /** The localStorage key for `persist`; by default the tag name and the page path. */
  @property({attribute: 'storage-key'}) storageKey = '';

  /** Days the marks are kept after the last change (with `persist`); `0` keeps them for this page only. */
  @property({attribute: 'keep-days', type: Number}) keepDays = 30;

  /** The ids of the marked symptoms that are in the list now, in list order. */
  get selected(): string[] {
    return this.marks.among(this.shownItems);
  }

  private toggleSymptom(id: string, marked: boolean): void {
    this._interacted = true;
    this.marks.set(id, marked);
    this.emitChange(this.selected);
  }

  /** "Forget them": unmarks the symptoms, removes them from the device, and returns to the first checkbox. */
  private forgetMarks(): void {
    this.clear();
    this.emitChange(this.selected);
    this.focusFirstCheckbox();
  }

  /** Unmarks every symptom shown and removes the marks from storage (does not fire `care-change`). */
  clear(): void {
    this.marks.clear(this.shownItems.map((item) => item.id));
  }

  private renderFooter() {
    const t = this.t;
    const kept = this.marks.keptAmong(this.shownItems);
    return renderFooter(
      kept ? t.symptomsKept(this.keepDays) : this.marks.forgotten ? t.keptForgotten : '',
      kept ? html`<button part="forget" class="quiet" type="button" @click=${this.forgetMarks}>${t.symptomsForget}</button>` : nothing,
    );
  }

  override render() {
    const items = this.shownItems;
    return html`
      ${this.renderHeader()}
      ${this.renderList(
        items.map((item, i) =>
            this.selectable
              ? this.renderCheckItem(item, i, this.marks.ids.has(item.id), (id, marked) => this.toggleSymptom(id, marked))
              : html`<li part="item">${item.label}</li>`,
        ),
      )}
      ${this.selectable
        ? html`<p part="summary" role="status">${this.selected.length || this._interacted ? this.t.symptomsSummary(this.selected.length, items.length) : ''}</p>`
        : nothing}
      ${this.selectable && this.persist ? this.renderFooter() : nothing}
      ${this.renderCaution()}
    `;
  }
}
