// custom-elements.json: `cem analyze` in `npm run build`, after tsc emitted dist/ (the plugins read
// the built classes' styles for the custom properties each element reads).
import * as built from './dist/index.js';
import {carePlugins} from './tools/manifest-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  // src/jsx/: the JSX typings, types only, with no API of their own to describe.
  exclude: ['src/**/*.styles.ts', 'src/jsx/**'],
  outdir: '.',
  litelement: true,
  plugins: carePlugins({classes: built}),
};
