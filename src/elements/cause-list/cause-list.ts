import {html} from 'lit';
import type {CareItem} from '../../content/article.js';
import {CareListElement} from '../list-base.js';
import {renderCaution, renderList, renderListHeading} from '../list-parts.js';
import {styles} from './cause-list.styles.js';

/**
 * The article's causes of leaky gut syndrome. An item with `detail` shows it behind a native
 * disclosure (`<details>`), which works by keyboard and screen reader without script.
 *
 * @tagname care-cause-list
 * @summary A list of causes, each with optional detail.
 * @slot - An optional `<h2>`…`<h6>`, `<ul>`/`<ol>` of `<li>` (with `data-detail` for detail) and
 *   `<p>` caution: the page's own content, shown before JavaScript runs and used as the content.
 * @csspart heading - The heading.
 * @csspart list - The `ul`.
 * @csspart item - Each `li`.
 * @csspart detail - The `details` element of an item with detail.
 * @csspart summary - The `summary` (the item's label) of an item with detail.
 * @csspart detail-text - The detail paragraph.
 * @csspart caution - The caution under the list.
 * @cssprop --care-list-indent - Indent of the list.
 * @cssprop --care-list-gap - Space between items.
 * @fires {CustomEvent<CareErrorDetail>} care-error - `src` could not be loaded (`source: 'src'`, with its `url`) or
 *   the `items` property holds nothing usable (`source: 'config'`); `detail: {source, message, url}`.
 */
export class CareCauseList extends CareListElement {
  static override styles = [...CareListElement.styles, styles];

  protected readonly article = 'causes';

  private renderCause(item: CareItem) {
    return item.detail
      ? html`<li part="item" class="has-detail">
          <details part="detail">
            <summary part="summary">${item.label}</summary>
            <p part="detail-text">${item.detail}</p>
          </details>
        </li>`
      : html`<li part="item">${item.label}</li>`;
  }

  override render() {
    const shown = this.shown;
    return html`
      ${renderListHeading(shown)}
      ${renderList(
        shown,
        shown.items.map((item) => this.renderCause(item)),
      )}
      ${renderCaution(shown)}
    `;
  }
}
