// `npm run size`: the drop-in bundle's bytes, and where they go.
//
// Builds, in memory and with the same rollup pipeline as dist/care-elements.js, bundles of parts
// of the library, and prints each one's minified, gzip and brotli bytes:
// - all five elements (the drop-in bundle itself);
// - the three lists only (symptom, cause, treatment checklist);
// - the embedded text alone (the article and the UI strings, en and es);
// - the Lit floor: an element using the same Lit features, nothing of ours (lit-floor.js);
// - the five widgets written in plain Lit with the same text, the floor of `npm run bench`
//   (floor-elements.js): what the same widgets cost without care-elements' behaviour.
// Compressed bytes do not add up across rows: a shared dictionary compresses better.
import {rollup} from 'rollup';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import configs from '../../rollup.config.mjs';

/** The drop-in bundle's build (the first of rollup.config.mjs's). */
const config = configs[0];

const src = (path) => new URL(`../../src/${path}`, import.meta.url).pathname;

/** A bundle whose entry is `code`, an ES module written here (it may import src/ files). */
const PARTS = [
  {name: 'all five elements (dist/care-elements.js)', entry: src('define.ts')},
  {
    name: 'the three lists only',
    code: ['symptom-list', 'cause-list', 'treatment-checklist'].map((n) => `import ${JSON.stringify(src(`elements/${n}/define.ts`))};`).join('\n'),
  },
  {
    name: 'embedded text (article + UI strings, en and es)',
    code: `export {ARTICLE} from ${JSON.stringify(src('content/article.ts'))};\nexport {CATALOGUES} from ${JSON.stringify(src('i18n/index.ts'))};`,
  },
  {name: 'Lit floor (test/bench/lit-floor.js)', entry: new URL('./lit-floor.js', import.meta.url).pathname},
  {name: 'five widgets in plain Lit (test/bench/floor-elements.js)', entry: new URL('./floor-elements.js', import.meta.url).pathname},
];

const VIRTUAL = '\0size-entry';

async function build(part) {
  const entryPlugin = {
    name: 'size-entry',
    resolveId: (id) => (id === VIRTUAL ? id : null),
    load: (id) => (id === VIRTUAL ? part.code : null),
  };
  const bundle = await rollup({input: part.entry ?? VIRTUAL, plugins: [entryPlugin, ...config.plugins], onwarn: () => {}});
  const {output} = await bundle.generate({format: 'es'});
  await bundle.close();
  return Buffer.from(output[0].code);
}

const rows = [];
for (const part of PARTS) {
  const bytes = await build(part);
  rows.push({part: part.name, minified: bytes.length, gzip: gzipSync(bytes, {level: 9}).length, brotli: brotliCompressSync(bytes).length});
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.part.length));
  console.log(`${'bundle'.padEnd(width)}  minified      gzip    brotli`);
  for (const r of rows) {
    console.log(`${r.part.padEnd(width)}  ${[r.minified, r.gzip, r.brotli].map((n) => String(n).padStart(8)).join('  ')}`);
  }
}
