// Builds the drop-in bundle: one minified ESM file with production Lit inlined.
// The npm modules are emitted beside it by `tsc -p tsconfig.build.json`.
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

export default {
  input: 'src/define.ts',
  output: {
    file: 'dist/care-elements.js',
    format: 'es',
    sourcemap: false,
  },
  plugins: [
    resolve({exportConditions: ['production']}),
    typescript({tsconfig: 'tsconfig.build.json', declaration: false, declarationMap: false, sourceMap: false, inlineSources: false, outDir: 'dist'}),
    terser({
      ecma: 2021,
      module: true,
      compress: {passes: 2, unsafe_arrows: true},
      format: {comments: false},
    }),
  ],
};
