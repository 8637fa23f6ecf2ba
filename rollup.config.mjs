// Builds the drop-in bundle: one minified ESM file with production Lit inlined.
// The npm modules are emitted beside it by `tsc -p tsconfig.build.json`.
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
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/src/')) return null;
      // Only the static text between `${` `}` holes of css`...` / html`...`; holes hold no backticks here
      // except nested html`...`, which the same pass reaches on its own.
      const result = code.replace(/\b(css|html) ?`((?:[^`\\]|\\.)*)`/g, (all, tag, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `${tag}\``+ parts.map((p, i) => (i % 2 ? p : collapse(p, tag === 'css'))).join('') + '`';
      });
      return {code: result, map: null};
    },
  };
}

export default {
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
    terser({
      ecma: 2021,
      module: true,
      compress: {passes: 3, unsafe_arrows: true, pure_getters: true},
      format: {comments: false},
    }),
  ],
};
