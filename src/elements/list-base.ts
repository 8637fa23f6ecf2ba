import {LitElement, css, html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {property} from 'lit/decorators.js';
import {ARTICLE, type ArticleContent, type CareItem} from '../content/article.js';
import {ItemsSourceController} from '../controllers/items-source.js';
import {LocaleController} from '../controllers/locale.js';
import type {CareStrings} from '../i18n/index.js';
import {shared, tokens} from '../styles/tokens.js';
import {emit} from '../events.js';
import {renderHeading} from './shared.js';

const listStyles = css`
  [part~='heading'] {
    font-family: var(--_heading-font);
    margin-block: 0 var(--_space-s);
    line-height: 1.25;
  }
  h1[part~='heading'] {
    font-size: 2em;
  }
  h2[part~='heading'] {
    font-size: 1.5em;
  }
  h3[part~='heading'] {
    font-size: 1.17em;
  }
  h4[part~='heading'] {
    font-size: 1em;
  }
  h5[part~='heading'] {
    font-size: 0.83em;
  }
  h6[part~='heading'] {
    font-size: 0.67em;
  }
  [part~='list'] {
    margin-block: 0 var(--_space-m);
    padding-inline-start: var(--care-list-indent, 1.5em);
  }
  [part~='item'] + [part~='item'] {
    margin-block-start: var(--care-list-gap, var(--_space-xs));
  }
  [part~='caution'] {
    margin-block: var(--_space-s) 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  [aria-busy='true'] {
    min-block-size: 4lh;
  }
`;

/**
 * The public API the three list elements share: their content channels (`items`, `src`, light
 * DOM, the article), heading, caution and strings. Not registered as a tag itself.
 */
export abstract class CareListElement extends LitElement {
  static override styles = [tokens, shared, listStyles];

  /** Which list of the article this element shows by default. */
  protected abstract readonly article: keyof ArticleContent;

  protected readonly locale = new LocaleController(this);
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

  /** UI strings that replace the built-in ones for the active language. */
  @property({attribute: false}) strings?: Partial<CareStrings>;

  /** The items now shown, whichever channel they came from. */
  get shownItems(): readonly CareItem[] {
    return this.source.items;
  }

  protected get t(): CareStrings {
    return this.locale.strings;
  }

  /** Light DOM written by the page, when that is the channel shown. */
  private get lightShown() {
    return this.source.channel === 'light' ? this.source.light : undefined;
  }

  /**
   * The heading text. Light-DOM content is the page's own version of this element: its heading
   * and caution stand as written (and are left out if not written), so upgrading moves nothing.
   */
  protected get headingText(): string | undefined {
    const light = this.lightShown;
    return this.heading ?? (light ? light.heading?.text : ARTICLE[this.locale.lang][this.article].heading);
  }

  protected renderHeader(): TemplateResult | typeof nothing {
    const text = this.headingText;
    return text ? renderHeading(this.headingLevel ?? this.lightShown?.heading?.level ?? 2, text) : nothing;
  }

  protected renderCaution(): TemplateResult | typeof nothing {
    const light = this.lightShown;
    const text = this.caution ?? (light ? light.caution : ARTICLE[this.locale.lang][this.article].caution);
    return text ? html`<p part="caution">${text}</p>` : nothing;
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

  /** Fires `care-change` with the ticked ids, in list order. */
  protected emitChange(ids: string[]): void {
    emit(this, 'care-change', {ids, done: ids.length, total: this.shownItems.length});
  }

  /** `aria-labelledby` for the list: its heading, when there is one. */
  protected get listLabelledby(): string | typeof nothing {
    return this.headingText ? 'heading' : nothing;
  }
}
