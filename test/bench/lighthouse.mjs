#!/usr/bin/env node
/**
 * `npm run lighthouse`: the demo's first impression as Lighthouse scores it (mobile: a mid-range
 * phone on a slow 4G line, simulated), for demo/index.html and demo/theme.html, served by the
 * demo's own server after a build.
 *
 *   npm run lighthouse [-- --runs 3]
 *
 * Lighthouse is not a dependency of the project (it would add some 600 packages to every
 * `npm ci`): it is fetched from the npm registry by `npx` on first use, and drives the system's
 * Chromium (CHROME_PATH, else /usr/bin/chromium), never a browser of its own. Each page runs
 * `--runs` times (default 3); the scores printed are each category's lowest over the runs, with
 * the audits that kept any run from 100. Performance is a timing: run it on a quiet machine.
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {startDemoServer} from '../../demo/server.mjs';
import {CHROMIUM_ARGS, chromiumPath} from '../runner/browsers.mjs';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const PAGES = ['demo/index.html', 'demo/theme.html'];
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}}});
const runs = Math.max(1, Number(values.runs) || 3);

const chrome = chromiumPath();
if (!chrome) {
  console.error('No Chromium: apt-get install chromium, or set CHROME_PATH.');
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'care-lighthouse-'));
const demo = await startDemoServer({port: 0, receiver: {dataDir: join(out, 'receiver')}});
const worst = {};
try {
  for (const page of PAGES) {
    const url = new URL(page.replace(/^demo\//, ''), demo.url).href;
    for (let run = 1; run <= runs; run++) {
      const report = join(out, `${run}.json`);
      // Asynchronously: the demo server answering Lighthouse's requests runs in this process.
      const status = await new Promise((resolve) => {
        const child = spawn(
          'npx',
          [
            '--yes',
            LIGHTHOUSE,
            url,
            '--quiet',
            '--output=json',
            `--output-path=${report}`,
            `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
          ],
          {stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, CHROME_PATH: chrome}},
        );
        child.on('close', (code) => resolve(code));
      });
      if (status !== 0) throw new Error(`lighthouse failed on ${url} (exit ${status})`);
      const {categories, audits} = JSON.parse(readFileSync(report, 'utf8'));
      const seen = (worst[page] ??= {});
      for (const category of Object.values(categories)) {
        const score = Math.round(category.score * 100);
        const entry = (seen[category.id] ??= {score, audits: new Set()});
        entry.score = Math.min(entry.score, score);
        for (const ref of category.auditRefs) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1)
            entry.audits.add(`${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
  }
} finally {
  await demo.close();
  rmSync(out, {recursive: true, force: true});
}

console.log(`Lighthouse (mobile), lowest of ${runs} run${runs === 1 ? '' : 's'} per page:`);
for (const [page, categories] of Object.entries(worst)) {
  console.log(
    `  ${page}: ${Object.entries(categories)
      .map(([id, {score}]) => `${id} ${score}`)
      .join(' · ')}`,
  );
  for (const [id, {audits}] of Object.entries(categories)) if (audits.size) console.log(`    ${id}: ${[...audits].join(', ')}`);
}
