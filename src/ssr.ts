/**
 * `care-elements/ssr`: renders a care-elements tag to an HTML string on a server (Node), for static
 * site generators and Node CMSs, with Lit's server renderer (`@lit-labs/ssr`, a peer dependency to
 * install beside this package). The HTML holds the element's whole first render (the lists' items,
 * the forms' fields) in a declarative shadow root, so it reads, and looks as it will, before and
 * without JavaScript; in the browser `care-elements/hydrate.js` (or the drop-in
 * `dist/care-elements-hydrate.js`) takes it over without rendering it again.
 *
 * On the server an element knows only its attributes: its language is its own `lang` attribute
 * (`en` by default), a `src` list shows the article's list until the browser has loaded it, and what
 * only a browser holds (ticks and drafts kept on the device) is applied after hydration.
 *
 * ```js
 * import {renderElement} from 'care-elements/ssr';
 * const html = await renderElement('care-treatment-checklist', {'storage-key': 'gut-plan', lang: 'es'});
 * ```
 */
import {render} from '@lit-labs/ssr';
import {collectResult} from '@lit-labs/ssr/lib/render-result.js';
import {html, unsafeStatic} from 'lit/static-html.js';
import './define.js';

/** The tags this module renders. */
export const CARE_TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'] as const;

/** One of the five tags. */
export type CareTag = (typeof CARE_TAGS)[number];

/** Attribute values: a string or number is written as text; `true` writes a boolean attribute; `false`, null and undefined leave it out. */
export type CareAttributes = Record<string, string | number | boolean | null | undefined>;

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The HTML of `<tag attributes…>` with its server-rendered shadow root (declarative shadow DOM),
 * ready to be written into a page. Attribute values are escaped; names must be lower-case
 * kebab-case (a name or tag that is not throws).
 */
export async function renderElement(tag: CareTag, attributes: CareAttributes = {}): Promise<string> {
  if (!CARE_TAGS.includes(tag)) throw new TypeError(`care-elements/ssr: unknown tag "${tag}"`);
  const shown = Object.entries(attributes).filter(([, value]) => value !== false && value != null);
  for (const [name] of shown) if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`care-elements/ssr: invalid attribute name "${name}"`);
  // `<tag name=${value} …></tag>`: the tag and names are static (checked above), the values bound, so escaped.
  const parts: string[] = [''];
  const values: unknown[] = [];
  const literal = (text: string) => {
    values.push(unsafeStatic(text));
    parts.push('');
  };
  literal(`<${tag}`);
  for (const [name, value] of shown) {
    parts[parts.length - 1] += ' ';
    literal(name);
    parts[parts.length - 1] += '=';
    values.push(value === true ? '' : String(value));
    parts.push('');
  }
  literal(`></${tag}>`);
  const template = Object.assign(parts, {raw: [...parts]}) as unknown as TemplateStringsArray;
  return collectResult(render(html(template, ...values)));
}
