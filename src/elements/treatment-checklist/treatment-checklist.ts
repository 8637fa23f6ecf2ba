import {html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {PersistedIdsController, defaultStorageKey} from '../../controllers/persisted-ids.js';
import {CareListElement, renderFooter} from '../list-base.js';
import {styles} from './treatment-checklist.styles.js';

/**
 * The article's prevention and treatment steps as a checklist. Ticks are kept in localStorage by
 * item id (in memory where storage is blocked or full) for `keep-days` days after the last change,
 * so progress survives a reload and a list that changes keeps the ticks that still match. While
 * ticks are kept on the device, a line under the list says so, beside "Clear ticks".
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
 * @csspart reset - "Clear ticks", which unticks the steps and removes them from the device.
 * @csspart list - The `ul`.
 * @csspart item - Each `li`.
 * @csspart checkbox - Each checkbox.
 * @csspart label - Each label.
 * @csspart caution - The caution under the list.
 * @cssprop --care-color-accent - Checkbox and progress colour.
 * @cssprop --care-list-gap - Space between steps.
 * @fires care-change - The reader ticked, unticked or cleared steps; `detail: {ids, done, total}`.
 * @fires care-error - `src` could not be loaded; `detail: {source, message, url}`.
 */
export class CareTreatmentChecklist extends CareListElement {
  static override styles = [...CareListElement.styles, styles];

  protected readonly article = 'treatment';

  private readonly ticks = new PersistedIdsController(
    this,
    () => (this.noPersist ? null : this.storageKey || defaultStorageKey(this.localName)),
    () => this.keepDays,
  );

  /** The localStorage key; by default the tag name and the page path. */
  @property({attribute: 'storage-key'}) storageKey = '';

  /** Keeps ticks in memory only. */
  @property({attribute: 'no-persist', type: Boolean, reflect: true}) noPersist = false;

  /** Days the ticks are kept after the last change; `0` keeps them for this page only. */
  @property({attribute: 'keep-days', type: Number}) keepDays = 30;

  /** The ids of the ticked steps that are in the list now, in list order. */
  get checked(): string[] {
    return this.ticks.among(this.shownItems);
  }

  private toggleStep(id: string, ticked: boolean): void {
    this.ticks.set(id, ticked);
    this.emitChange(this.checked);
  }

  private clearTicks(): void {
    this.reset();
    this.emitChange(this.checked);
    this.focusFirstCheckbox();
  }

  /**
   * Unticks every step shown and forgets their saved ticks (does not fire `care-change`). Ticks
   * of other lists sharing the storage key are left alone.
   */
  reset(): void {
    this.ticks.clear(this.shownItems.map((item) => item.id));
  }

  private renderProgress(done: number, total: number) {
    const text = this.t.checklistProgress(done, total);
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
        <div part="progress-value"></div>
      </div>
    </div>`;
  }

  private renderFooter(done: number) {
    const t = this.t;
    return renderFooter(
      this.ticks.keptAmong(this.shownItems) ? t.checklistKept(this.keepDays) : this.ticks.forgotten ? t.keptForgotten : '',
      html`<button part="reset" class="quiet" type="button" ?disabled=${done === 0} @click=${this.clearTicks}>${t.checklistReset}</button>`,
    );
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Set through CSSOM, which a strict Content-Security-Policy allows (a style attribute it would block).
    const total = this.shownItems.length;
    this.renderRoot
      .querySelector<HTMLElement>('[part~="progress-value"]')
      ?.style.setProperty('inline-size', `${total ? (100 * this.checked.length) / total : 0}%`);
  }

  override render() {
    const items = this.shownItems;
    return html`
      ${this.renderHeader()} ${this.renderProgress(this.checked.length, items.length)}
      ${this.renderList(
        items.map((item, i) => this.renderCheckItem(item, i, this.ticks.ids.has(item.id), (id, ticked) => this.toggleStep(id, ticked))),
      )}
      ${this.renderFooter(this.checked.length)}
      ${this.renderCaution()}
    `;
  }
}
