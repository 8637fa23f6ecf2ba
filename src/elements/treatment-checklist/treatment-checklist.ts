import {html} from 'lit';
import {property} from 'lit/decorators.js';
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
import {withElement} from '../with-element.js';
import {styles} from './treatment-checklist.styles.js';

/**
 * The article's prevention and treatment steps as a checklist. Checked steps are kept in
 * localStorage by item id (in memory where storage is blocked or full) for `keep-days` days after
 * the last change, so progress survives a reload and a list that changes keeps the checked steps
 * that still match. While some are kept on the device, a line under the list says so, beside
 * "Clear ticks".
 *
 * @tagname care-treatment-checklist
 * @summary A checklist of treatment steps with saved progress.
 * @slot - An optional `<h2>`…`<h6>`, `<ul>`/`<ol>` of `<li>` and `<p>` caution: the page's own
 *   content, shown before JavaScript runs and used as the content.
 * @csspart heading - The heading.
 * @csspart progress - The progress row (text and bar).
 * @csspart progress-text - "n of m done".
 * @csspart progress-bar - The progressbar track.
 * @csspart progress-value - The filled part of the track.
 * @csspart footer - The row under the list with the storage notice and "Clear ticks".
 * @csspart storage-notice - "Your ticks are kept on this device for 30 days.", while some are; a polite live region.
 * @csspart reset - "Clear ticks", which unchecks the steps and removes them from the device.
 * @csspart list - The `ul`.
 * @csspart item - Each `li`.
 * @csspart checkbox - Each checkbox.
 * @csspart label - Each label.
 * @csspart caution - The caution under the list.
 * @cssprop --care-list-gap - Space between steps.
 * @fires {CustomEvent<CareChangeDetail>} care-change - The reader checked, unchecked or cleared steps; `detail: {ids, done, total}`.
 * @fires {CustomEvent<CareErrorDetail>} care-error - `src` could not be loaded (`source: 'src'`, with its `url`) or
 *   the `items` property holds nothing usable (`source: 'config'`); `detail: {source, message, url}`.
 */
export class CareTreatmentChecklist extends CareListElement {
  static override styles = [...CareListElement.styles, styles];

  protected readonly article = 'treatment';

  private readonly checkedIds = new PersistedIdsController(
    this,
    () => (this.noPersist ? null : this.storageKey || defaultStorageKey(this.localName)),
    () => this.keepDays,
    () => this.hydrating,
  );

  /** The localStorage key; by default the tag name and the page path. */
  @property({attribute: 'storage-key'}) storageKey = '';

  /** Keeps checked steps in memory only. */
  @property({attribute: 'no-persist', type: Boolean, reflect: true}) noPersist = false;

  /** Days the checked steps are kept after the last change; `0` keeps them for this page only. */
  @property({attribute: 'keep-days', type: Number}) keepDays = 30;

  /** The ids of the checked steps that are in the list now, in list order. */
  get checked(): string[] {
    return this.checkedIds.among(this.shownItems);
  }

  private toggleStep(id: string, checked: boolean): void {
    this.checkedIds.set(id, checked);
    emitCheckedChange(this, this.checked, this.shownItems.length);
  }

  /** "Clear ticks": unchecks the steps, removes them from the device, and returns to the first checkbox. */
  private forgetChecked(): void {
    this.reset();
    emitCheckedChange(this, this.checked, this.shownItems.length);
    focusFirstCheckbox(this.renderRoot);
  }

  /**
   * Unchecks every step shown and removes them from storage (does not fire `care-change`).
   * Steps of other lists sharing the storage key are left alone.
   */
  reset(): void {
    this.checkedIds.clear(this.shownItems.map((item) => item.id));
  }

  private renderProgress(done: number, total: number) {
    const text = this.t.checklistProgress(done, total);
    // The bar's width is set through CSSOM, which a strict Content-Security-Policy allows (a style attribute it would block).
    const fill = (bar: Element) => (bar as HTMLElement).style.setProperty('inline-size', `${total ? (100 * done) / total : 0}%`);
    return html`<div part="progress">
      <span part="progress-text" id="progress-text" aria-hidden="true">${text}</span>
      <div
        part="progress-bar"
        role="progressbar"
        aria-label=${this.t.checklistProgressLabel}
        aria-valuemin="0"
        aria-valuemax=${total}
        aria-valuenow=${done}
        aria-valuetext=${text}
      >
        <div part="progress-value" ${withElement(fill)}></div>
      </div>
    </div>`;
  }

  private renderFooter(done: number) {
    const t = this.t;
    return renderStorageFooter(
      this.checkedIds.keptAmong(this.shownItems) ? t.checklistKept(this.keepDays) : this.checkedIds.forgotten ? t.keptForgotten : '',
      html`<button part="reset" class="quiet" type="button" ?disabled=${done === 0} @click=${this.forgetChecked}>${t.checklistReset}</button>`,
    );
  }

  override render() {
    const shown = this.shown;
    const done = this.checked.length;
    return html`
      ${renderListHeading(shown)} ${this.renderProgress(done, shown.items.length)}
      ${renderList(
        shown,
        shown.items.map((item, i) => renderCheckItem(item, i, this.checkedIds.ids.has(item.id), (id, checked) => this.toggleStep(id, checked))),
      )}
      ${this.renderFooter(done)}
      ${renderCaution(shown)}
    `;
  }
}
