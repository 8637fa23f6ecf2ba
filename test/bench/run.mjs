// `npm run bench`: the size of the drop-in bundle, and how its elements render on a slow phone.
//
//   node test/bench/run.mjs [--runs N] [--cpu N] [--json]
//
// Serves the repository on 127.0.0.1 (a port the system picks) and opens each page of
// test/bench/ in headless Chromium with the CPU slowed 4x, in a fresh browser context per run
// (nothing cached between runs). In the page it records, relative to navigation start:
// - rendered: the first animation frame in which every defined care-* element has finished its
//   update with its shadow root filled and nothing loading (that frame paints them);
// - painted: the first task after that frame, i.e. once its style, layout and paint are done;
// - long tasks: count and total duration (PerformanceObserver 'longtask', buffered);
// - layout shift: the sum of 'layout-shift' values without recent input, over the whole run.
// Prints medians with min and max; --json prints everything as JSON instead. The column
// "lists.html, no JS" is the same page with the bundle blocked: the cost of the page alone.
// Then, per page, how each element's box changed from the page without JS (its light DOM as
// written) to the upgraded element: what "the upgrade moves nothing" means, without timing noise.
import {createServer} from 'node:http';
import {availableParallelism, loadavg} from 'node:os';
import {chromium} from 'playwright-core';
import {bundleSizes} from '../runner/size.mjs';
import {staticFiles} from '../../demo/server.mjs';

const PAGES = [
  {name: 'lists.html', file: 'lists.html'},
  {name: 'all.html', file: 'all.html'},
  {name: 'lists.html, no JS', file: 'lists.html', noScript: true},
];
// A mid phone's viewport (CLS is relative to it, and counts only what is in view: the
// "upgrade changed" line below covers the elements further down).
const VIEWPORT = {width: 412, height: 915};
const SETTLE_MS = 500; // after "rendered", how long late shifts and long tasks are still collected
const TIMEOUT_MS = 15_000;

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(1, Number.parseInt(args[runsArg + 1], 10) || 7) : 7;
const cpuArg = args.indexOf('--cpu');
const CPU_SLOWDOWN = cpuArg >= 0 ? Math.max(1, Number(args[cpuArg + 1]) || 4) : 4;

// ---------------------------------------------------------------------------------------------
// The bench pages and the bundle, on loopback only, served as the demo serves its files.

function serve() {
  const server = createServer(staticFiles({mounts: ['/test/bench/', '/dist/']}));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// What runs in the page, before any of its own scripts.

function recorder() {
  const m = {rendered: null, painted: null, fcp: null, longTasks: [], shifts: [], cls: 0, elements: [], undefinedTags: []};
  window.__careBench = m;
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({type, buffered: true});
    } catch {
      m[`no_${type}`] = true;
    }
  };
  observe('longtask', (e) => m.longTasks.push({start: e.startTime, duration: e.duration}));
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    m.cls += e.value;
    const nodes = (e.sources ?? []).map((s) => s.node?.localName ?? s.node?.nodeName ?? '?');
    m.shifts.push({start: e.startTime, value: e.value, nodes});
  });
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
  });
  // DOMContentLoaded fires after module scripts ran: by then every tag the bundle has is defined.
  let parsed = false;
  document.addEventListener('DOMContentLoaded', () => (parsed = true));
  const done = (el) => {
    const shadow = el.shadowRoot;
    return el.hasUpdated && !el.isUpdatePending && !!shadow?.childElementCount && !shadow.querySelector('[aria-busy="true"]');
  };
  const poll = () => {
    if (parsed) {
      const all = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-'));
      const defined = all.filter((el) => customElements.get(el.localName));
      if (defined.every(done)) {
        m.rendered = performance.now();
        setTimeout(() => (m.painted = performance.now()));
        m.elements = defined.map((el) => el.localName);
        m.undefinedTags = [...new Set(all.filter((el) => !customElements.get(el.localName)).map((el) => el.localName))];
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

// ---------------------------------------------------------------------------------------------

async function measure(browser, url, noScript) {
  const context = await browser.newContext({viewport: VIEWPORT});
  try {
    await context.addInitScript(recorder);
    if (noScript) await context.route('**/dist/care-elements.js', (route) => route.abort());
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => msg.type() === 'error' && !noScript && errors.push(msg.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    await page.goto(url, {waitUntil: 'load'});
    await page.waitForFunction(() => window.__careBench.painted !== null, null, {timeout: TIMEOUT_MS});
    await page.waitForTimeout(SETTLE_MS);
    const m = await page.evaluate(() => ({
      ...window.__careBench,
      pageHeight: document.documentElement.scrollHeight,
      boxes: [...document.body.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('care-'))
        .map((el) => {
          const box = el.getBoundingClientRect();
          return {tag: el.localName, top: box.top + scrollY, height: box.height};
        }),
    }));
    return {...m, errors};
  } finally {
    await context.close();
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {median, min: sorted[0], max: sorted.at(-1)};
}

function summarize(runs) {
  return {
    renderedMs: stats(runs.map((r) => r.rendered)),
    paintedMs: stats(runs.map((r) => r.painted)),
    fcpMs: stats(runs.map((r) => r.fcp ?? NaN)),
    longTaskCount: stats(runs.map((r) => r.longTasks.length)),
    longTaskMs: stats(runs.map((r) => r.longTasks.reduce((sum, t) => sum + t.duration, 0))),
    cls: stats(runs.map((r) => r.cls)),
  };
}

const loadBefore = loadavg()[0]; // before our own browser adds to it
const sizes = bundleSizes();
const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

const results = {};
const started = Date.now();
try {
  const run = ({file, noScript}) => measure(browser, `${origin}/test/bench/${file}`, noScript);
  for (const {name} of PAGES) results[name] = {runs: []};
  // One warm-up per page (the browser's own first-use costs), then the pages in turn, so that
  // any drift of the machine touches every page alike.
  for (const page of PAGES) await run(page);
  for (let i = 0; i < RUNS; i++) {
    for (const page of PAGES) results[page.name].runs.push(await run(page));
  }
  for (const {name} of PAGES) results[name].summary = summarize(results[name].runs);
  // The layout each page has without JS, to compare the upgraded boxes with.
  for (const {name, file, noScript} of PAGES) {
    if (!noScript) results[name].boxesWithoutJs = (await run({file, noScript: true})).boxes;
  }
} finally {
  await browser.close();
  server.close();
}

const environment = {
  browser: `Chromium ${browser.version()}`,
  cpuSlowdown: CPU_SLOWDOWN,
  viewport: VIEWPORT,
  runs: RUNS,
  seconds: Math.round((Date.now() - started) / 1000),
  cores: availableParallelism(),
  loadAverage: loadBefore,
};

if (asJson) {
  console.log(JSON.stringify({bundle: {file: 'dist/care-elements.js', ...sizes}, environment, pages: results}, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`dist/care-elements.js  ${sizes.minified} B minified (${kb(sizes.minified)})  ${sizes.gzip} B gzip (${kb(sizes.gzip)})  ${sizes.brotli} B brotli (${kb(sizes.brotli)})`);
  console.log(
    `${environment.browser}, CPU ${CPU_SLOWDOWN}x slower, ${VIEWPORT.width}x${VIEWPORT.height} viewport, ` +
      `${RUNS} runs per page in fresh contexts after 1 warm-up (${environment.seconds} s)`,
  );
  if (environment.loadAverage > environment.cores) {
    console.log(`Note: load average ${environment.loadAverage.toFixed(1)} on ${environment.cores} cores before the run: other work competes for the CPU, so timings are noisy.`);
  }
  console.log('');
  const rows = [
    ['all rendered, ms (rAF poll)', 'renderedMs', 0],
    ['that frame painted, ms', 'paintedMs', 0],
    ['first contentful paint, ms', 'fcpMs', 0],
    ['long tasks, count', 'longTaskCount', 0],
    ['long tasks, total ms', 'longTaskMs', 0],
    ['layout shift (CLS)', 'cls', 4],
  ];
  const cell = ({median, min, max}, digits) =>
    `${median.toFixed(digits)}  (${min.toFixed(digits)}–${max.toFixed(digits)})`;
  const widths = [30, ...PAGES.map(() => 25)];
  const names = PAGES.map((p) => p.name);
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('').trimEnd();
  console.log(line(['median (min–max)', ...names]));
  for (const [label, key, digits] of rows) console.log(line([label, ...names.map((p) => cell(results[p].summary[key], digits))]));
  console.log('');
  for (const {name, noScript} of PAGES) {
    if (noScript) continue;
    const last = results[name].runs.at(-1);
    const notes = [`${name}: measured ${last.elements.length} element(s): ${[...new Set(last.elements)].join(', ')}`];
    if (last.undefinedTags.length) notes.push(`not defined by the bundle, so not measured: ${last.undefinedTags.join(', ')}`);
    const shifted = [...new Set(results[name].runs.flatMap((r) => r.shifts.flatMap((s) => s.nodes)))];
    if (shifted.length) notes.push(`shifted: ${shifted.join(', ')}`);
    const errors = [...new Set(results[name].runs.flatMap((r) => r.errors))];
    if (errors.length) notes.push(`console errors: ${errors.join(' | ')}`);
    console.log(notes.join('; '));
    const before = results[name].boxesWithoutJs;
    const moved = last.boxes.map((box, i) => {
      const dh = box.height - before[i].height;
      const dy = box.top - before[i].top;
      const f = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
      return `${box.tag} ${f(dh)} px tall${Math.abs(dy) >= 0.5 ? `, top ${f(dy)} px` : ''}`;
    });
    console.log(`  upgrade changed (vs. the page without JS): ${moved.join('; ')}`);
  }
}
