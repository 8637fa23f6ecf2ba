/**
 * The XSS corpus: payloads in the families of OWASP's XSS filter-evasion cheat sheet, written for
 * this suite. Each payload, if it ever ran, calls the global canary `__xss(id)` (or
 * `parent.__xss(id)` from inside a frame it made), and each one that is markup carries the marker
 * attribute `data-xss="<id>"` on the element it would insert, so a payload that was parsed is
 * found even when it had no way to run (an `<a href>` nobody clicked, IE-only CSS).
 *
 * Text, not markup, is the expected outcome everywhere: a test shows each payload through a
 * channel and asserts that the canary never ran, no marked element exists, and the text reads as
 * written.
 */

export type Family = 'script' | 'img' | 'svg' | 'frame' | 'tag' | 'handler' | 'url' | 'css' | 'page' | 'broken' | 'template' | 'encoding';

export interface Payload {
  /** The id the payload's canary call and marker carry; 1, 2, 3... in corpus order. */
  id: number;
  family: Family;
  text: string;
  /**
   * Markup that acts on the page that holds it, not only on where it sits (`<base>`, `<meta
   * refresh>`): left out of the one test that writes payloads as the page's own markup, where it
   * would redirect the test page itself before any element existed.
   */
  pageWide?: boolean;
}

/** What a payload is written with. */
interface Parts {
  /** The canary call, e.g. `__xss(7)`. */
  call: string;
  /** The canary call from inside a frame the payload made: `parent.__xss(7)`. */
  frameCall: string;
  /** The marker attribute, e.g. `data-xss="7"`. */
  mark: string;
  id: number;
}

const corpus: Payload[] = [];

function add(family: Family, make: (p: Parts) => string, options: {pageWide?: boolean} = {}): void {
  const id = corpus.length + 1;
  const parts = {call: `__xss(${id})`, frameCall: `parent.__xss(${id})`, mark: `data-xss="${id}"`, id};
  corpus.push({id, family, text: make(parts), ...options});
}

/** `s` as HTML decimal character references, e.g. `j` -> `&#106;`. */
const decimalRefs = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
/** `s` as zero-padded decimal references without semicolons, e.g. `j` -> `&#0000106`. */
const paddedRefs = (s: string) => [...s].map((c) => `&#${String(c.codePointAt(0)).padStart(7, '0')}`).join('');
/** `s` as hexadecimal character references, e.g. `j` -> `&#x6a;`. */
const hexRefs = (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
/** Every character of `s` percent-encoded. */
const percent = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`).join('');
/** `s` as base64 (ASCII only). */
const base64 = (s: string) => btoa(s);

// ---------------------------------------------------------------------------------------------
// <script> in its spellings

add('script', ({call, mark}) => `<script ${mark}>${call}</script>`);
add('script', ({call, mark}) => `<SCRIPT ${mark}>${call}</SCRIPT>`);
add('script', ({call, mark}) => `<ScRiPt ${mark}>${call};</sCrIpT>`);
add('script', ({call, mark}) => `<script ${mark} src="data:text/javascript,${call}"></script>`);
add('script', ({call, mark}) => `<script/xss ${mark}>${call}</script>`);
add('script', ({call, mark}) => `<script ${mark} type="module">${call}</script>`);
add('script', ({call, mark}) => `<<script ${mark}>${call}//<</script>`);
add('script', ({call, mark}) => `<scr<script ${mark}>ipt>${call}</scr</script>ipt>`);
add('script', ({call, mark}) => `<script ${mark}>/*</script><script ${mark}>*/${call}</script>`);
add('script', ({call, mark}) => `<script ${mark}>eval(atob("${base64(call)}"))</script>`);
add('script', ({call, mark}) => `<script ${mark}>\\u005f\\u005fxss(${call.slice(6)}</script>`);
add('script', ({call, mark}) => `<script ${mark} src=data:,${call}></script>`);

// ---------------------------------------------------------------------------------------------
// <img> and its error handler

add('img', ({call, mark}) => `<img ${mark} src=x onerror=${call}>`);
add('img', ({call, mark}) => `<IMG ${mark} SRC=x OnErRoR=${call}>`);
add('img', ({call, mark}) => `<img ${mark} src="x" onerror="${call}">`);
add('img', ({call, mark}) => `<img ${mark} src onerror=${call}>`);
add('img', ({call, mark}) => `<img/${mark}/src=x/onerror=${call}>`);
add('img', ({call, mark}) => `<img ${mark} src=x onerror="${decimalRefs(call)}">`);
add('img', ({call, mark}) => `<img ${mark} src=x onerror=eval(atob('${base64(call)}'))>`);
add('img', ({call, mark}) => `<img ${mark} src=x onerror=window['__x'+'ss'](${call.slice(6)}>`);
add('img', ({call, mark}) => `<img ${mark} src=\`x\`onerror=${call}>`);
add('img', ({call, mark}) => `<img """><script ${mark}>${call}</script>">`);
add('img', ({call, mark}) => `<img ${mark} src=x onerror\t=\t${call}>`);
add('img', ({call, mark}) => `<img ${mark} src=x:x onerror=${call} alt="">`);
add('img', ({call, mark}) => `<img ${mark} src="/" onerror="this.onerror=null;${call}">`);
add('img', ({call, mark}) => `<input ${mark} type=image src=x onerror=${call}>`);

// ---------------------------------------------------------------------------------------------
// SVG and MathML

add('svg', ({call, mark}) => `<svg ${mark} onload=${call}>`);
add('svg', ({call, mark}) => `<svg/${mark}/onload=${call}>`);
add('svg', ({call, mark}) => `<svg ${mark}><script>${call}</script></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><script href="data:,${call}"></script></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><script xlink:href="data:,${call}"></script></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><a xlink:href="javascript:${call}"><text x="9" y="9">go</text></a></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><animate onbegin=${call} attributeName=x dur=1s>`);
add('svg', ({call, mark}) => `<svg ${mark}><set onbegin="${call}" attributeName="x" to="1"/></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><a><set attributeName="href" to="javascript:${call}"/><text x="9" y="9">go</text></a></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><a><animate attributeName=href values=javascript:${call} /><text x=9 y=9>go</text></a></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><image href="x" onerror="${call}"/></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><foreignObject><img src=x onerror=${call}></foreignObject></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><style><img src=x onerror=${call}></style></svg>`);
add('svg', ({call, mark}) => `<svg ${mark}><title><img src=x onerror=${call}></title></svg>`);
add(
  'svg',
  ({call, mark}) =>
    `<svg ${mark}><use href="data:image/svg+xml,<svg id='u' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${call}'/></svg>#u"/></svg>`,
);
add('svg', ({call, mark}) => `<math ${mark}><mtext><img src=x onerror=${call}></mtext></math>`);
add('svg', ({call, mark}) => `<math ${mark} href="javascript:${call}"><mi>x</mi></math>`);
add('svg', ({call, mark}) => `<math ${mark}><maction actiontype="statusline" xlink:href="javascript:${call}">x</maction></math>`);
add('svg', ({call, mark}) => `<math><mi ${mark} xlink:href="data:x,<script>${call}</script>">x</mi></math>`);

// ---------------------------------------------------------------------------------------------
// Frames, objects, embeds

add('frame', ({frameCall, mark}) => `<iframe ${mark} src="javascript:${frameCall}"></iframe>`);
add('frame', ({frameCall, mark}) => `<iframe ${mark} srcdoc="<script>${frameCall}</script>"></iframe>`);
add('frame', ({frameCall, mark}) => `<iframe ${mark} srcdoc="&lt;img src=x onerror=${frameCall}&gt;"></iframe>`);
add('frame', ({frameCall, mark}) => `<iframe ${mark} src="data:text/html,<script>${frameCall}</script>"></iframe>`);
add('frame', ({call, mark}) => `<iframe ${mark} onload=${call}></iframe>`);
add('frame', ({frameCall, mark}) => `<IFRAME ${mark} SRC="jAvAsCrIpT:${frameCall}"></IFRAME>`);
add('frame', ({frameCall, mark}) => `<object ${mark} data="javascript:${frameCall}"></object>`);
add('frame', ({frameCall, mark}) => `<object ${mark} data="data:text/html;base64,${base64(`<script>${frameCall}</script>`)}"></object>`);
add('frame', ({call, mark}) => `<object ${mark} data=x onerror=${call}></object>`);
add('frame', ({frameCall, mark}) => `<embed ${mark} src="javascript:${frameCall}">`);
add('frame', ({frameCall, mark}) => `<embed ${mark} src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${frameCall}'/>">`);
add('frame', ({frameCall, mark}) => `<iframe ${mark} src=vbscript:${frameCall}></iframe>`);

// ---------------------------------------------------------------------------------------------
// Other tags whose handlers fire without a click

add('tag', ({call, mark}) => `<details ${mark} open ontoggle=${call}>`);
add('tag', ({call, mark}) => `<video ${mark} src=x onerror=${call}></video>`);
add('tag', ({call, mark}) => `<audio ${mark} src=x onerror=${call}></audio>`);
add('tag', ({call, mark}) => `<video ${mark}><source onerror="${call}"></video>`);
add('tag', ({call, mark}) => `<body ${mark} onload=${call}>`);
add('tag', ({call, mark}) => `<input ${mark} autofocus onfocus=${call}>`);
add('tag', ({call, mark}) => `<select ${mark} autofocus onfocus=${call}></select>`);
add('tag', ({call, mark}) => `<textarea ${mark} autofocus onfocus=${call}></textarea>`);
add('tag', ({call, mark}) => `<marquee ${mark} onstart=${call}>x</marquee>`);
add('tag', ({call, mark}) => `<style ${mark} onload=${call}></style>`);
add('tag', ({call, mark}) => `<link ${mark} rel=stylesheet href=x onerror=${call}>`);
add('tag', ({call, mark}) => `<div ${mark} style="animation:xss-none 1s" onanimationstart=${call}></div>`);
add('tag', ({call, mark}) => `<x ${mark} contenteditable autofocus onfocusin=${call}>x</x>`);

// ---------------------------------------------------------------------------------------------
// Breaking out of an attribute value into a handler

add('handler', ({call}) => `" onmouseover="${call}`);
add('handler', ({call}) => `' onfocus='${call}' autofocus='`);
add('handler', ({call, mark}) => `"><img ${mark} src=x onerror=${call}>`);
add('handler', ({call, mark}) => `'><svg ${mark} onload=${call}>`);
add('handler', ({call}) => `" autofocus onfocus=${call} x="`);
add('handler', ({call}) => `\` onerror=${call} x=\``);
add('handler', ({call, mark}) => `"/><img ${mark} src=x onerror=${call} //`);
add('handler', ({call}) => `x" style="animation:xss-none 1s" onanimationstart="${call}`);
add('handler', ({call, mark}) => `"><a ${mark} href="javascript:${call}">go</a>`);
add('handler', ({call, mark}) => `</label><img ${mark} src=x onerror=${call}><label>`);
add('handler', ({call, mark}) => `"></h2><img ${mark} src=x onerror=${call}><h2 x="`);
add('handler', ({call}) => `x onerror=${call}`);

// ---------------------------------------------------------------------------------------------
// URLs: javascript:, data:, vbscript: with case, encodings and control characters

add('url', ({call}) => `javascript:${call}`);
add('url', ({call}) => `JaVaScRiPt:${call}`);
add('url', ({call}) => `  javascript:${call}`);
add('url', ({call}) => `\u0001javascript:${call}`);
add('url', ({call}) => `java\tscript:${call}`);
add('url', ({call}) => `java\nscript:${call}`);
add('url', ({call}) => `java\rscript:${call}`);
add('url', ({call}) => `java\u0000script:${call}`);
add('url', ({call}) => `javascript&colon;${call}`);
add('url', ({call}) => `${decimalRefs('javascript:')}${call}`);
add('url', ({call}) => `${paddedRefs('javascript:')}${call}`);
add('url', ({call}) => `${hexRefs('javascript')}:${call}`);
add('url', ({call}) => `javascript:${percent(call)}`);
add('url', ({call}) => `javascript%3A${call}`);
add('url', ({call}) => `javascript://%0A${call}`);
add('url', ({call}) => `javascript:/*x*/${call}//`);
add('url', ({frameCall}) => `data:text/html,<script>${frameCall}</script>`);
add('url', ({frameCall}) => `data:text/html;base64,${base64(`<script>${frameCall}</script>`)}`);
add('url', ({frameCall}) => `DATA:text/html,<svg onload=${frameCall}>`);
add('url', ({frameCall}) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${frameCall}"/>`);
add('url', ({call}) => `vbscript:${call}`);
add('url', ({call}) => `VBScript:Execute("${call}")`);
add('url', ({call}) => `livescript:${call}`);
add('url', ({call}) => ` \u000e javascript:${call}`);
add('url', ({call}) => `javascript\u00a0:${call}`);
add('url', ({call}) => `&#14;javascript:${call}`);
add('url', ({call}) => `jav&#x09;ascript:${call}`);
add('url', ({call}) => `jav&#x0A;ascript:${call}`);
add('url', ({call}) => `\\javascript:${call}`);
add('url', () => `//attacker.invalid/steal?c=`);

// ---------------------------------------------------------------------------------------------
// CSS: expression(), url(javascript:), imports

add('css', ({call, mark}) => `<div ${mark} style="background:url(javascript:${call})">x</div>`);
add('css', ({call, mark}) => `<div ${mark} style="width:expression(${call})">x</div>`);
add('css', ({call, mark}) => `<style ${mark}>@import 'javascript:${call}';</style>`);
add('css', ({call, mark}) => `<style ${mark}>*{background-image:url("javascript:${call}")}</style>`);
add('css', ({call, mark}) => `<link ${mark} rel="stylesheet" href="javascript:${call}">`);
add('css', ({call, mark}) => `<div ${mark} style="-moz-binding:url(data:x,${call});behavior:url(x.htc)">x</div>`);
add('css', ({call}) => `expression(${call})`);
add('css', ({call}) => `url(javascript:${call})`);
add('css', ({call, mark}) => `<div ${mark} style="x:\\65xpression(${call})">x</div>`);

// ---------------------------------------------------------------------------------------------
// Markup that acts on the page: <base>, <meta refresh>, forms

add('page', ({call, mark}) => `<base ${mark} href="javascript:${call}//">`, {pageWide: true});
add('page', ({mark}) => `<base ${mark} href="//attacker.invalid/">`, {pageWide: true});
add('page', ({call, mark}) => `<meta ${mark} http-equiv="refresh" content="0;url=javascript:${call}">`, {pageWide: true});
add('page', ({frameCall, mark}) => `<meta ${mark} http-equiv="refresh" content="0; url=data:text/html,<script>${frameCall}</script>">`, {
  pageWide: true,
});
add('page', ({call, mark}) => `<form ${mark} action="javascript:${call}"><button>go</button></form>`);
add('page', ({call, mark}) => `<form><button ${mark} formaction="javascript:${call}">go</button></form>`);
add('page', ({call, mark}) => `<form id="xss-f"></form><button ${mark} form="xss-f" formaction="javascript:${call}">go</button>`);
add('page', ({call, mark}) => `<isindex ${mark} type=image src=x onerror=${call}>`);
add('page', ({call, mark}) => `<a ${mark} href="javascript:${call}">go</a>`);
add('page', ({call, mark}) => `<a ${mark} href=" &#14;  javascript:${call}">go</a>`);
add('page', ({call, mark}) => `<area ${mark} href="javascript:${call}">`);

// ---------------------------------------------------------------------------------------------
// Broken, unclosed and mis-nested markup

add('broken', ({call, mark}) => `<img ${mark} src=x onerror=${call}`);
add('broken', ({call, mark}) => `<svg ${mark} onload=${call}`);
add('broken', ({frameCall, mark}) => `<iframe ${mark} src=javascript:${frameCall}`);
add('broken', ({call, mark}) => `<script ${mark}>${call}`);
add('broken', ({call, mark}) => `<!--<img ${mark} src=x onerror=${call}>-->`);
add('broken', ({call, mark}) => `<!-- --!><img ${mark} src=x onerror=${call}>-->`);
add('broken', ({call, mark}) => `<![CDATA[<img ${mark} src=x onerror=${call}>]]>`);
add('broken', ({call, mark}) => `<noscript><p title="</noscript><img ${mark} src=x onerror=${call}>">`);
add('broken', ({call, mark}) => `<title><img title="</title><img ${mark} src=x onerror=${call}>">`);
add('broken', ({call, mark}) => `<textarea><img title="</textarea><img ${mark} src=x onerror=${call}>">`);
add('broken', ({call, mark}) => `<a href="</a><img ${mark} src=x onerror=${call}>">`);
add('broken', ({call, mark}) => `<<img ${mark} src=x onerror=${call}>>`);
add('broken', ({call, mark}) => `<style></style ><img ${mark} src=x onerror=${call}>`);
add('broken', ({call, mark}) => `</p></li></ul><img ${mark} src=x onerror=${call}><ul><li>`);
add('broken', ({call, mark}) => `<xmp><img title="</xmp><img ${mark} src=x onerror=${call}>">`);
add('broken', ({call, mark}) => `<img ${mark} src=x onerror=${call}//<!-- unterminated`);

// ---------------------------------------------------------------------------------------------
// Template engines and Lit's own markers

add('template', ({call}) => `\${${call}}`);
add('template', ({call}) => `\`;${call};\``);
add('template', ({call}) => `{{${call}}}`);
add('template', ({call}) => `{{constructor.constructor('${call}')()}}`);
add('template', ({call, mark}) => `<!--?lit$123456789$--><img ${mark} src=x onerror=${call}>`);
add('template', ({call, mark}) => `lit$123456789$<img ${mark} src=x onerror=${call}>lit$123456789$`);
add('template', ({call, mark}) => `<?lit$123456789$><img ${mark} src=x onerror=${call}>`);
add('template', ({call, mark}) => `</template><img ${mark} src=x onerror=${call}>`);
add('template', ({call, mark}) => `<template ${mark}><img src=x onerror=${call}></template>`);
add('template', ({call}) => `<%= ${call} %>`);
add('template', ({call}) => `#{${call}}`);
add('template', ({call, mark}) => `<slot ${mark} onslotchange=${call}></slot>`);

// ---------------------------------------------------------------------------------------------
// Encodings that a second decode would turn into markup

add('encoding', ({call, mark}) => `&lt;img ${mark} src=x onerror=${call}&gt;`);
add('encoding', ({call, mark}) => `&amp;lt;script ${mark}&amp;gt;${call}&amp;lt;/script&amp;gt;`);
add('encoding', ({call, mark}) => `&#60;svg ${mark} onload=${call}&#62;`);
add('encoding', ({call, mark}) => `&#x3C;img ${mark} src=x onerror=${call}&#x3E;`);
add('encoding', ({call, mark}) => `%3Cimg%20${mark.replace('=', '%3D')}%20src%3Dx%20onerror%3D${call}%3E`);
add('encoding', ({call, mark}) => `\\u003cimg ${mark} src=x onerror=${call}\\u003e`);
add('encoding', ({call, mark}) => `\\x3cimg ${mark} src=x onerror=${call}\\x3e`);
add('encoding', ({call, mark}) => `\uff1cimg ${mark} src=x onerror=${call}\uff1e`);
add('encoding', ({call, mark}) => `+ADw-script ${mark}+AD4-${call}+ADw-/script+AD4-`);
add('encoding', ({call, mark}) => `&lt;img ${mark} src=x onerror=${call}>`);
add('encoding', ({call, mark}) => `&constructor;<img ${mark} src=x onerror=${call}>&toString;`);
add('encoding', ({call, mark}) => `\u202e<img ${mark} src=x onerror=${call}>\u202c`);

export const CORPUS: readonly Payload[] = Object.freeze(corpus);

export const FAMILIES: readonly Family[] = [
  'script',
  'img',
  'svg',
  'frame',
  'tag',
  'handler',
  'url',
  'css',
  'page',
  'broken',
  'template',
  'encoding',
];

/** How a failure names a payload: its id, family and text (escaped, shortened). */
export function describePayload(p: Payload): string {
  const text = JSON.stringify(p.text);
  return `#${p.id} (${p.family}) ${text.length > 90 ? `${text.slice(0, 87)}…"` : text}`;
}
