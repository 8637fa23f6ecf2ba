#!/usr/bin/env node
/**
 * `npm run test:types`: the JSX typings' type tests, react.tsx (React 19) and preact.tsx (Preact 10),
 * each compiled by tsc with its own tsconfig against the built package's .d.ts, as a project that
 * installed care-elements sees them; run after `npm run build`. A test passes when tsc reports
 * nothing: correct props type-check, and each wrong one meets its `@ts-expect-error`. The last line
 * is what test/all.mjs counts, "N passed, N failed, N skipped".
 */
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const TESTS = [
  {name: 'React 19 (test/types/react.tsx)', project: 'test/types/tsconfig.react.json'},
  {name: 'Preact 10 (test/types/preact.tsx)', project: 'test/types/tsconfig.preact.json'},
];

if (!existsSync(`${root}dist/jsx/react.d.ts`) || !existsSync(`${root}dist/jsx/preact.d.ts`)) {
  console.error('test/types: dist/jsx/*.d.ts missing: run `npm run build` first');
  process.exit(1);
}

/** Compiles one project; resolves with tsc's exit code and what it printed. */
function compile(project) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], {cwd: root});
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({code, output}));
  });
}

const results = await Promise.all(TESTS.map(async (t) => ({...t, ...(await compile(t.project))})));
for (const {name, code, output} of results) {
  console.log(`${code === 0 ? 'ok' : 'not ok'} ${name}`);
  if (code !== 0) console.log(output.trimEnd().replace(/^/gm, '    '));
}
const failed = results.filter((r) => r.code !== 0).length;
console.log(`\n${results.length - failed} passed, ${failed} failed, 0 skipped`);
process.exit(failed ? 1 : 0);
