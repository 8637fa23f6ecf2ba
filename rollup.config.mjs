// Builds the drop-in bundle: one minified ESM file with production Lit inlined.
// The npm modules are emitted beside it by `tsc -p tsconfig.json` (see the build script).
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';

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
    if (isCss) {
      out = out
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}')
        .replace(/ !important/g, '!important')
        // [part~='list'] → [part~=list]: an identifier needs no quotes in an attribute selector.
        .replace(/\[([\w-]+)([~|^$*]?=)'([a-zA-Z_][\w-]*)'\]/g, '[$1$2$3]')
        // 0.5rem → .5rem, #ffffff → #fff.
        .replace(/([^\w.#-])0\.(\d)/g, '$1.$2')
        .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3');
    } else out = out.replace(/> </g, '><');
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
        return `${tag}\`` + parts.map((p, i) => (i % 2 ? p : collapse(p, tag === 'css'))).join('') + '`';
      });
      return {code: result, map: null};
    },
  };
}

/**
 * Gives every `private` member of our classes a prefixed name, which terser then shortens (its
 * `mangle.properties` touches only names with the prefix), as Lit's own build does with its
 * private members. TypeScript's checker decides what is private: a name is renamed where it
 * resolves to a `private` declaration, so a public `form` or a DOM `status` of the same spelling
 * is never touched. Kept as written:
 * - anything public or protected (the API, and what a subclass may use), Lit's lifecycle,
 *   statics such as `styles` and `properties`, and every DOM or standard property;
 * - a decorated private (`@state() private _x`): the decorator registers it with Lit by its name
 *   as a string, which terser would not follow;
 * - a private whose name is written as a string anywhere in src (`changed.has('x')`, `'x' in o`).
 * The build fails where the rename could not be followed (a private read through `any`, or
 * destructured), rather than ship a bundle that reads a name nobody writes.
 * Only the drop-in bundle is renamed: the npm modules (`tsc`) keep their names.
 */
const PRIVATE_PREFIX = '__care$';
function renamePrivates() {
  return (program) => {
    const checker = program.getTypeChecker();
    const ours = (sf) => !sf.isDeclarationFile && /[\\/]src[\\/]/.test(sf.fileName);
    const isPrivate = (d) =>
      (ts.isPropertyDeclaration(d) ||
        ts.isMethodDeclaration(d) ||
        ts.isGetAccessorDeclaration(d) ||
        ts.isSetAccessorDeclaration(d) ||
        ts.isParameter(d)) &&
      (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Private) !== 0 &&
      !(ts.canHaveDecorators(d) && ts.getDecorators(d)?.length);
    // First pass: the names written as strings, and the private names that will be renamed.
    const quoted = new Set();
    const declared = new Set();
    for (const sf of program.getSourceFiles().filter(ours)) {
      const walk = (node) => {
        if (ts.isStringLiteralLike(node)) quoted.add(node.text);
        if (isPrivate(node) && ts.isIdentifier(node.name)) declared.add(node.name.text);
        ts.forEachChild(node, walk);
      };
      walk(sf);
    }
    for (const name of quoted) declared.delete(name);
    const renamed = (symbol) => !!symbol?.declarations?.length && symbol.declarations.every(isPrivate) && declared.has(symbol.name);
    return (context) => (sf) => {
      if (!ours(sf)) return sf;
      const fail = (node, why) => {
        const {line} = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        throw new Error(`renamePrivates: ${sf.fileName}:${line + 1}: ${why}`);
      };
      const visit = (node) => {
        if (ts.isObjectBindingPattern(node)) {
          const type = checker.getTypeAtLocation(node);
          for (const el of node.elements) {
            const key = el.propertyName ?? el.name;
            if (ts.isIdentifier(key) && renamed(checker.getPropertyOfType(type, key.text))) fail(el, `private "${key.text}" destructured`);
          }
        }
        if (ts.isIdentifier(node)) {
          const symbol = checker.getSymbolAtLocation(node);
          if (renamed(symbol)) return ts.factory.createIdentifier(PRIVATE_PREFIX + node.text);
          if (!symbol && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node && declared.has(node.text)) {
            fail(node, `".${node.text}" is read without a type, and a private of that name is renamed`);
          }
        }
        return ts.visitEachChild(node, visit, context);
      };
      return ts.visitNode(sf, visit);
    };
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
      if (found !== 1)
        this.error(`expected one createPolicy("lit-html", {createHTML: t => t}) in ${id}, found ${found}: Lit changed, update lazyLitPolicy()`);
      patched = true;
      return {code: helper + code.replace(CALL, 'careLazyPolicy($1)'), map: null};
    },
    buildEnd(error) {
      if (!error && !patched) this.error('lit-html/lit-html.js was not bundled: Lit changed, update lazyLitPolicy()');
    },
  };
}

/**
 * One minified ES module with production Lit inlined, from `input`. `templates: false` keeps the
 * html`` and css`` text as written: hydration matches each template by a digest of its strings,
 * so a bundle that hydrates server-rendered DOM needs the same strings as the npm modules the server
 * rendered with.
 */
const dropIn = (input, file, {templates = true} = {}) => ({
  input,
  output: {
    file,
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    resolve({exportConditions: ['production']}),
    typescript({
      tsconfig: 'tsconfig.json',
      declaration: false,
      declarationMap: false,
      sourceMap: false,
      inlineSources: false,
      outDir: 'dist',
      transformers: {before: [{type: 'program', factory: renamePrivates()}]},
    }),
    ...(templates ? [minifyTemplates()] : []),
    lazyLitPolicy(),
    terser({
      ecma: 2021,
      module: true,
      compress: {passes: 3, unsafe_arrows: true, pure_getters: true},
      mangle: {properties: {regex: new RegExp(`^${PRIVATE_PREFIX.replace(/\$/g, '\\$')}`)}},
      // V8 compiles every function of the bundle eagerly, on a background thread while the file
      // streams in, instead of on the main thread at each function's first call: nearly all of
      // them run on load (https://v8.dev/blog/explicit-compile-hints, Chrome 136; other engines
      // read a comment). Measured on the all-five page: the task that runs the bundle and the first
      // renders after it take about a quarter less main-thread time.
      format: {comments: false, preamble: '//# allFunctionsCalledOnLoad'},
    }),
  ],
});

export default [
  dropIn('src/define.ts', 'dist/care-elements.js'),
  // For pages with server-rendered elements (care-elements/ssr): Lit's hydration support, then every tag.
  dropIn('src/hydrate.ts', 'dist/care-elements-hydrate.js', {templates: false}),
  // The demo pages' own script, minified as a site would serve it (the pages load it from
  // /dist/demo.js): what a visitor of the demo downloads is not the commented source.
  {
    input: 'demo/demo.js',
    output: {file: 'dist/demo.js', format: 'es', sourcemap: false},
    plugins: [terser({ecma: 2021, module: true, compress: {passes: 2}, format: {comments: false}})],
  },
];
