import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {property} from 'lit/decorators.js';
import {ARTICLE, type ArticleContent, type CareItem} from '../content/article.js';
import {ItemsSourceController} from '../controllers/items-source.js';
import {shared, tokens} from '../styles/tokens.js';
import {emit} from '../events.js';
import {CareElement, canSlot} from './care-element.js';
import {renderHeading} from './shared.js';

/**
 * Headings, lists and paragraphs keep the browser's own margins and indent, the ones the page's
 * light-DOM version of the element had before the upgrade, so the upgrade moves nothing.
 */
const listStyles = css`
  [part~='heading'] {
    font-family: var(--_heading-font);
  }
  [part~='list'] {
    padding-inline-start: var(--care-list-indent, 40px);
  }
  [part~='item'] + [part~='item'] {
    margin-block-start: var(--care-list-gap, 0);
  }
  [part~='caution'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [aria-busy='true'] {
    min-block-size: 4lh;
  }
`;

/**
 * The footer under a checklist's items: `notice`, a polite status line that says where the ticks
 * are kept (empty, and taking no space, until there is something to say, yet in the tree so its
 * first message is announced), beside `control`, the button that forgets them.
 */
export function renderFooter(notice: string, control: unknown): TemplateResult {
  return html`<div part="footer" class="notice"><p part="storage-notice" role="status">${notice}</p>${control}</div>`;
}

/**
 * The public API the three list elements share: their content channels (`items`, `src`, light
 * DOM, the article), heading, caution and strings. Not registered as a tag itself.
 */
export abstract class CareListElement extends CareElement {
  static override styles = [tokens, shared, listStyles];


  /** Which list of the article this element shows by default. */
  protected abstract readonly article: keyof ArticleContent;

  protected readonly source = new ItemsSourceController(this, () => ARTICLE[this.locale.lang][this.article].items);

  /** The items to show, `{id, label, detail?}[]`; wins over `src`, light DOM and the article. */
  @property({attribute: false}) items: CareItem[] | null = null;

  /** URL of a JSON array of items (or `{items: [...]}`), used when `items` is not set. */
  @property() src: string | null = null;

  /** The heading text; the article's by default; an empty string shows no heading. */
  @property() heading?: string;

  /** The level of the heading (1 to 6), so the element fits the page's outline. */
  @property({attribute: 'heading-level', type: Number}) headingLevel?: number;

  /** The caution shown with the list; the article's by default; an empty string shows none. */
  @property() caution?: string;

  /** The items now shown, whichever channel they came from. */
  get shownItems(): readonly CareItem[] {
    return this.source.items;
  }

  /**
   * Light DOM written by the page. Its heading and caution stand when the items are the page's
   * or replace them (`src`, `items`); when the article's items show (the page's list held none),
   * so do the article's heading and caution.
   */
  private get lightShown() {
    return this.source.channel === 'default' ? undefined : this.source.light;
  }

  /**
   * The page's own heading, shown as it is (slotted) unless `heading` or `heading-level` asks for
   * another. Light-DOM content is the page's version of this element: its heading and caution
   * stand as written (and are left out if not written), so upgrading moves nothing.
   */
  private get lightHeading() {
    return this.heading === undefined && this.headingLevel === undefined && canSlot ? this.lightShown?.heading : undefined;
  }

  private get lightCaution() {
    return this.caution === undefined && canSlot ? this.lightShown?.caution : undefined;
  }

  /** The heading text, whether it is ours or the page's. */
  protected get headingText(): string | undefined {
    const light = this.lightShown;
    return this.heading ?? (light ? light.heading?.text : ARTICLE[this.locale.lang][this.article].heading);
  }

  protected renderHeader(): TemplateResult | typeof nothing {
    if (this.lightHeading) return html`<slot data-light="heading"></slot>`;
    const text = this.headingText;
    return text ? renderHeading(this.headingLevel ?? this.lightShown?.heading?.level ?? 2, text) : nothing;
  }

  protected renderCaution(): TemplateResult | typeof nothing {
    if (this.lightCaution) return html`<slot data-light="caution"></slot>`;
    const light = this.lightShown;
    const text = this.caution ?? (light ? light.caution?.text : ARTICLE[this.locale.lang][this.article].caution);
    return text ? html`<p part="caution">${text}</p>` : nothing;
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const slot of this.renderRoot.querySelectorAll<HTMLSlotElement>('slot[data-light]')) {
      const element = slot.dataset.light === 'heading' ? this.lightHeading?.element : this.lightCaution?.element;
      if (element) slot.assign(element);
    }
  }

  /** An item as a checkbox with its label (the symptom self-check and the treatment checklist). */
  protected renderCheckItem(item: CareItem, index: number, checked: boolean, toggle: (id: string, checked: boolean) => void): TemplateResult {
    const id = `check-${index}`;
    // live(): the box may have been ticked by the reader since the last render.
    return html`<li part="item" class="check">
      <input part="checkbox" type="checkbox" id=${id} .checked=${live(checked)}
        @change=${(e: Event) => toggle(item.id, (e.target as HTMLInputElement).checked)} /><label part="label" for=${id}>${item.label}</label>
    </li>`;
  }

  /** Moves focus to the first checkbox: where a reader who cleared the ticks goes on (the button they pressed goes away or is disabled). */
  protected focusFirstCheckbox(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="checkbox"]')?.focus();
  }

  /** Fires `care-change` with the ticked ids, in list order. */
  protected emitChange(ids: string[]): void {
    emit(this, 'care-change', {ids, done: ids.length, total: this.shownItems.length});
  }

  /** The list's accessible name: our heading by reference; the page's heading (in another tree) by its text. */
  protected renderList(items: unknown): TemplateResult {
    const text = this.headingText;
    const slotted = !!this.lightHeading;
    // role="list": WebKit drops the list role of a list styled without markers.
    return html`<ul part="list" role="list" aria-labelledby=${text && !slotted ? 'heading' : nothing} aria-label=${text && slotted ? text : nothing}
      aria-busy=${this.source.loading ? 'true' : 'false'}>${items}</ul>`;
  }
}
