/**
 * Server markup to the plain text a form shows. A server's answer is read in one pass, moving
 * forward only: a crafted page (thousands of unclosed tags, say) costs what its length costs,
 * never its square or cube, as regular expressions with nested repetition over the same text
 * did. Past MAX_MARKUP nothing is read. Plain functions, no DOM.
 */

/** Longest markup read from one answer or message; a wp_die() page is under 2 KB. */
const MAX_MARKUP = 256 * 1024;

/** Longest message shown: a status line, not a page. */
const MAX_MESSAGE = 1000;

const NAMED_ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['hellip', '\u2026'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
]);

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{1,32}));/g, (entity, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? entity;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : '\ufffd';
  });
}

/** Decoded, whitespace collapsed, WordPress's leading "Error:" dropped, cut to MAX_MESSAGE. */
export function finishText(raw: string): string {
  const text = decodeEntities(raw)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^error\s*:\s*/i, '');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1).trimEnd()}\u2026` : text;
}

/**
 * Markup to plain text: drops scripts, styles, comments and tags, decodes entities once (so
 * `&lt;b&gt;` stays the text "<b>"), collapses whitespace, drops WordPress's leading "Error:".
 */
export function plainText(markup: string): string {
  return finishText(readMarkup(markup, false).body);
}

/** Elements whose content is never text for a reader. */
const RAW_TEXT = new Set(['script', 'style', 'template', 'textarea', 'title']);

/**
 * The text of `markup` in one forward pass, entities still encoded. `body` is the text of the
 * `<body>` if there is one, else of everything. With `page`, `box` is the text of wp_die()'s
 * `<div class="wp-die-message">` (up to the next `</div>`), and links to
 * `javascript:history.back()` are left out. A tag left open at the end is dropped, as browsers do.
 */
export function readMarkup(markup: string, page: boolean): {body: string; box?: string} {
  const html = markup.length > MAX_MARKUP ? markup.slice(0, MAX_MARKUP) : markup;
  const lower = html.toLowerCase();
  let all = '';
  let body: string | undefined;
  let box: string | undefined;
  let inBox = false;
  let inBack = false;
  let i = 0;
  const emit = (text: string) => {
    if (inBack) return;
    all += text;
    if (body !== undefined) body += text;
    if (inBox) box += text;
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      emit(html.slice(i));
      break;
    }
    emit(html.slice(i, lt));
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const tag = /^<(\/?)([a-z][^\s/>]*)/.exec(lower.slice(lt, lt + 64));
    if (!tag) {
      // "<" that opens no tag ("a < b", "<!doctype") is text, or a declaration up to its ">".
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const close = html.indexOf('>', lt);
        i = close === -1 ? html.length : close + 1;
      } else {
        emit('<');
        i = lt + 1;
      }
      continue;
    }
    const end = tagEnd(html, lt + tag[0].length);
    if (end === -1) break;
    const [, slash, name] = tag;
    const attributes = lower.slice(lt + tag[0].length, end);
    i = end + 1;
    emit(' ');
    if (!slash && RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      i = close === -1 ? html.length : close;
      continue;
    }
    if (!page) continue;
    if (name === 'body' && !slash) body ??= '';
    else if (name === 'body' && slash && body !== undefined) return {body, box};
    else if (name === 'div' && !slash && box === undefined && /\bclass\s*=\s*["']?[^"'>]*\bwp-die-message\b/.test(attributes)) {
      box = '';
      inBox = true;
    } else if (name === 'div' && slash) inBox = false;
    else if (name === 'a' && !slash && /\bhref\s*=\s*["']?\s*javascript:history\.back\(\)/.test(attributes)) inBack = true;
    else if (name === 'a' && slash) inBack = false;
  }
  return {body: body ?? all, box};
}

/**
 * The index of the `>` that ends a tag whose attributes start at `from`, or -1. A quote opens a
 * value only right after `=`, so an apostrophe in an unquoted value does not swallow the page.
 */
function tagEnd(html: string, from: number): number {
  let quote = '';
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (afterEquals && (c === '"' || c === "'")) {
      quote = c;
    } else if (c === '>') {
      return i;
    }
    if (c === '=') afterEquals = true;
    else if (!/\s/.test(c)) afterEquals = false;
  }
  return -1;
}
