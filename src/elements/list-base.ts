import {css, isServer} from 'lit';
import type {PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {ARTICLE, type ArticleContent, type CareItem} from '../content/article.js';
import {ItemsSourceController} from '../controllers/items-source.js';
import type {ListContent} from '../lib/list-content.js';
import {baseStyles, tokens} from '../styles/tokens.js';
import {CareElement} from './care-element.js';

/**
 * Headings, lists and paragraphs keep the browser's own margins and indent, the ones the page's
 * light-DOM version of the element had before the upgrade, so the upgrade moves nothing.
 *
 * @cssprop --care-list-indent - Indent of the list (the browser's 40px by default).
 * @cssprop --care-list-gap - Space between items (0 by default).
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
  /*
   * A checkbox row as tall as a text row: the box (1.25em) is taller than a line of text (about
   * 1.15em), so a list of checkboxes would be taller than the page's list of text it replaces and
   * push down what follows. Its margins make it take exactly one line, centred on the label's
   * first line, whatever the size of either.
   */
  [part~='item'] > [part~='checkbox'] {
    align-self: flex-start;
    margin-block: calc((1lh - var(--_control-size)) / 2);
    translate: none;
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
 * The public API the three list elements share: their content channels (`items`, `src`, light
 * DOM, the article), heading, caution and strings. Not registered as a tag itself. Each list
 * renders what `shown` holds with the template functions of `list-parts.ts`.
 */
export abstract class CareListElement extends CareElement {
  static override styles = [tokens, baseStyles, listStyles];

  /** Which list of the article this element shows by default. */
  protected abstract readonly article: keyof ArticleContent;

  /** Reads the content channels and resolves what is shown, at each update. */
  protected readonly source = new ItemsSourceController(this, () => ARTICLE[this.locale.lang][this.article]);

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

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // On the server (@lit-labs/ssr) controllers do not run before render(): resolve the content here.
    if (isServer) {
      this.locale.hostUpdate();
      this.source.hostUpdate();
    }
  }

  /** The items now shown, whichever channel they came from. */
  get shownItems(): readonly CareItem[] {
    return this.source.items;
  }

  /** What the list shows: its items, heading and caution. */
  protected get shown(): ListContent<HTMLElement> {
    return this.source.content;
  }
}
