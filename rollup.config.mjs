// Builds the drop-in bundle: one minified ESM file with production Lit inlined.
// The npm modules are emitted beside it by `tsc -p tsconfig.json` (see the build script).
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

/**
 * Collapses the white space of css`` and html`` templates, which terser leaves as written, and
 * drops the comments of css`` ones.
 * Runs on our TypeScript output before terser; template expressions are kept as they are.
 */
function minifyTemplates() {
  const collapse = (text, isCss) => {
    // A CSS comment becomes a space (so the tokens around it stay apart); quoted strings are kept.
    const uncommented = isCss ? text.replace(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g, (m, quoted) => quoted ?? ' ') : text;
    let out = uncommented.replace(/\s+/g, ' ');
    if (isCss) out = out.replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
    else out = out.replace(/> </g, '><');
    return out;
  };
  /** Static text and `${…}` holes, alternating; a hole ends at the `}` that balances its `{`. */
  const holes = (body) => {
    const parts = [];
    let start = 0;
    for (let open = body.indexOf('${'); open !== -1; open = body.indexOf('${', start)) {
      let depth = 0;
      let end = open + 1;
      for (; end < body.length; end++) {
        if (body[end] === '{') depth++;
        else if (body[end] === '}' && --depth === 0) break;
      }
      parts.push(body.slice(start, open), body.slice(open, end + 1));
      start = end + 1;
    }
    parts.push(body.slice(start));
    return parts;
  };
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/src/')) return null;
      // Only the static text between `${` `}` holes of css`...` / html`...`; holes hold no backticks here
      // except nested html`...`, which the same pass reaches on its own.
      const result = code.replace(/\b(css|html) ?`((?:[^`\\]|\\.)*)`/g, (all, tag, body) => {
        const parts = holes(body);
        return `${tag}\``+ parts.map((p, i) => (i % 2 ? p : collapse(p, tag === 'css'))).join('') + '`';
      });
      return {code: result, map: null};
    },
  };
}

/**
 * Lit creates its Trusted Types policy, named `lit-html`, as its module is evaluated. Under a CSP
 * whose `trusted-types` directive lists lit-html without 'allow-duplicates', a second copy of this
 * bundle on the page (another URL is another module instance) then threw "Policy lit-html already
 * exists", and fired a securitypolicyviolation, even though its elements never render (the first
 * copy defined the tags). A try/catch around the call would still fire that violation, so the
 * policy is created when this copy renders its first template instead: a copy that renders nothing
 * never asks. A copy that renders and is refused (e.g. the page's own Lit took the name first) logs
 * one console error that says what the CSP must allow. The policy stays in this module, never on a
 * global, where any script could use it to get around Trusted Types.
 * Fails the build if Lit's code is not as expected, so an upgrade of Lit cannot silently undo this.
 */
function lazyLitPolicy() {
  const CALL = /(\w+)\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\)/g;
  const MESSAGE =
    "care-elements: this page's CSP refused the Trusted Types policy lit-html, so nothing renders. " +
    "Its trusted-types directive must list lit-html, and 'allow-duplicates' if the page runs another copy of Lit.";
  const helper = `function careLazyPolicy(factory) {
    let policy;
    const create = () => {
      try {
        return factory.createPolicy("lit-html", {createHTML: (s) => s});
      } catch (error) {
        console.error(${JSON.stringify(MESSAGE)}, error);
        return {createHTML: (s) => s};
      }
    };
    return {createHTML: (s) => (policy ??= create()).createHTML(s)};
  }\n`;
  let patched = false;
  return {
    name: 'lazy-lit-policy',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      const found = code.match(CALL)?.length ?? 0;
      if (found !== 1) this.error(`expected one createPolicy("lit-html", {createHTML: t => t}) in ${id}, found ${found}: Lit changed, update lazyLitPolicy()`);
      patched = true;
      return {code: helper + code.replace(CALL, 'careLazyPolicy($1)'), map: null};
    },
    buildEnd(error) {
      if (!error && !patched) this.error('lit-html/lit-html.js was not bundled: Lit changed, update lazyLitPolicy()');
    },
  };
}

/** The drop-in bundle. */
const bundle = {
  input: 'src/define.ts',
  output: {
    file: 'dist/care-elements.js',
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    resolve({exportConditions: ['production']}),
    typescript({tsconfig: 'tsconfig.json', declaration: false, declarationMap: false, sourceMap: false, inlineSources: false, outDir: 'dist'}),
    minifyTemplates(),
    lazyLitPolicy(),
    terser({
      ecma: 2021,
      module: true,
      compress: {passes: 3, unsafe_arrows: true, pure_getters: true},
      format: {comments: false},
    }),
  ],
};

/**
 * The demo pages' own script, minified as a site would serve it (the pages load it from
 * /dist/demo.js): what a visitor of the demo downloads is not the commented source.
 */
const demo = {
  input: 'demo/demo.js',
  output: {file: 'dist/demo.js', format: 'es', sourcemap: false},
  plugins: [terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}})],
};

export default [bundle, demo];
