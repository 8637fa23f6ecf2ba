// `npm run bench`: the bundle's bytes, and what loading the elements does to a page on a phone:
// layout shift, long tasks and the time until every element is rendered, each beside the same
// page written with plain Lit (the floor) and without JavaScript, from the same run.
//
//   node test/bench/run.mjs [--runs N] [--cpu 1,4] [--pages quick-start,bare,lists,all] [--taps N] [--trace N] [--json] [--serve]
//
// The pages are described in pages.mjs (the quick start is read from the README). Each variant of
// each page is loaded N times (default 25) at each CPU slowdown (default 1x and 4x) in headless
// Chromium at 412x915, in a fresh browser context per load (nothing cached), the variants in turn
// so that any drift of the machine touches all alike. In the page, relative to navigation start:
// - ready: the first animation frame in which every element (care-* or floor-*) has finished its
//   first update with its shadow root filled and nothing loading; for the no-JS page, the first
//   frame after DOMContentLoaded;
// - long tasks (PerformanceObserver 'longtask', buffered): count, total, longest and the blocking
//   time (the part of each over 50 ms, as Lighthouse sums it), per load;
// - layout shift: the sum of every 'layout-shift' entry (no input happens), until 500 ms after
//   ready. A shift is all or nothing per load, so the table gives the largest and how many loads
//   shifted at all, not a median.
// Ratios are care / floor and care / no JS of the medians of the same run, so the machine's noise
// cancels as far as it can. Then (unless `--taps 0`) N more loads per variant (default 15) at the
// highest slowdown, tapped: a reader taps the page throughout the load, and the slowest tap (its
// input delay, and its time until the next frame was presented, INP's measure) is what the long
// tasks cost them, the page's own long tasks included. Then (unless `--trace 0`) N more loads per
// variant (default 9) at 1x, traced: the main thread's CPU time from navigation to ready and the
// longest task's. CPU time hardly depends on what else the machine runs, so it holds on a busy
// machine where the wall-clock figures do not (it is not taken at 4x: Chromium's throttling adds
// CPU time of its own). At the end, the issue's targets, each with what was measured. `--serve`
// only serves the pages for a look.
import {createServer} from 'node:http';
import {availableParallelism, loadavg} from 'node:os';
import {brotliCompressSync, gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import {chromiumVersion, launchChromium, newPage} from '../helpers/puppeteer-page.mjs';
import configs from '../../rollup.config.mjs';
import {bundleSizes} from '../runner/size.mjs';
import {staticFiles} from '../../demo/server.mjs';
import {benchPages, lightDom} from './pages.mjs';

const VIEWPORT = {width: 412, height: 915}; // a mid phone's; CLS is relative to it
const SETTLE_MS = 500; // after ready, how long late shifts and long tasks are still collected
const TIMEOUT_MS = 20_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const asJson = args.includes('--json');
const RUNS = Math.max(1, Number.parseInt(option('runs', '25'), 10) || 25);
const CPUS = option('cpu', '1,4')
  .split(',')
  .map(Number)
  .filter((n) => n >= 1);
const ONLY = option('pages', '').split(',').filter(Boolean);
const TRACED = Math.max(0, Number.parseInt(option('trace', '9'), 10) || 0);
const TAPPED = Math.max(0, Number.parseInt(option('taps', '15'), 10) || 0);
const BUDGET_BROTLI = 18 * 1024; // the issue's target for dist/care-elements.js

// ---------------------------------------------------------------------------------------------
// What is served: the bundle from dist/, the floor's bundle and the pages from memory.

/** Builds `entry` with the plugins of the drop-in bundle's build (`lit: false`: only the resolver and TypeScript). */
async function build(entry, {lit = true} = {}) {
  const plugins = configs[0].plugins.filter((p) => lit || ['node-resolve', 'typescript'].includes(p.name));
  const bundle = await rollup({input: entry, plugins, onwarn: () => {}});
  const {output} = await bundle.generate({format: 'es'});
  await bundle.close();
  return output[0].code;
}

/** The article and the English strings, as src/ has them, to write the no-JS light DOM with. */
async function content() {
  const entry = new URL('./content-entry.ts', import.meta.url).pathname;
  const code = await build(entry, {lit: false});
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const sizesOf = (code) => {
  const bytes = Buffer.from(code);
  return {minified: bytes.length, gzip: gzipSync(bytes, {level: 9}).length, brotli: brotliCompressSync(bytes).length};
};

const slug = (variant) => variant.replace(/[^a-z0-9]+/gi, '-');

function serve(pages, floorCode) {
  const files = staticFiles({mounts: ['/dist/']});
  const routes = new Map([['/floor-elements.js', ['text/javascript; charset=utf-8', floorCode]]]);
  for (const page of pages) {
    for (const [variant, html] of Object.entries(page.variants))
      routes.set(`/bench/${page.name}/${slug(variant)}.html`, ['text/html; charset=utf-8', html]);
  }
  const server = createServer((req, res) => {
    const route = routes.get((req.url ?? '/').split('?')[0]);
    if (!route) return files(req, res);
    res.writeHead(200, {'Content-Type': route[0], 'Cache-Control': 'no-cache'}).end(route[1]);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------
// What runs in the page, before any of its own scripts.

function recorder() {
  const m = {ready: null, fcp: null, longTasks: [], shifts: [], cls: 0, elements: []};
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
  // DOMContentLoaded fires after module scripts ran: by then every tag of the bundle is defined.
  let parsed = false;
  // On a page with a script, every care-* (floor-*) element, defined yet or not: one not yet
  // upgraded has not rendered. The no-JS page has the tags too, and nothing that defines them.
  let scripted = false;
  document.addEventListener('DOMContentLoaded', () => {
    parsed = true;
    scripted = !!document.querySelector('script[src]');
  });
  const ours = (el) => scripted && /^(care|floor)-/.test(el.localName);
  const done = (el) =>
    el.hasUpdated && !el.isUpdatePending && !!el.shadowRoot?.childElementCount && !el.shadowRoot.querySelector('[aria-busy="true"]');
  const poll = () => {
    if (parsed) {
      const elements = [...document.querySelectorAll('*')].filter(ours);
      if (elements.every(done)) {
        m.ready = performance.now();
        performance.mark('care-bench-ready');
        m.elements = elements.map((el) => el.localName);
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

// ---------------------------------------------------------------------------------------------

/** `run(page)` on a page in a fresh browser context at the bench's viewport, with the recorder in it. */
async function withPage(browser, run) {
  const {context, page} = await newPage(browser, {viewport: VIEWPORT});
  try {
    await page.evaluateOnNewDocument(recorder);
    return await run(page);
  } finally {
    await context.close();
  }
}

/** Loads `url` and waits until every element is ready, then SETTLE_MS more. */
async function loadUntilSettled(page, url, polling = 'raf') {
  await page.goto(url, {waitUntil: 'load'});
  await page.waitForFunction(() => window.__careBench.ready !== null, {timeout: TIMEOUT_MS, polling});
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

function measure(browser, url, cpu) {
  return withPage(browser, async (page) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.emulateCPUThrottling(cpu);
    await loadUntilSettled(page, url);
    const m = await page.evaluate(() => ({
      ...window.__careBench,
      boxes: [...document.body.querySelectorAll('*')]
        .filter((el) => /^(care|floor)-/.test(el.localName))
        .map((el) => {
          const box = el.getBoundingClientRect();
          return {tag: el.localName, top: box.top + scrollY, height: box.height};
        }),
    }));
    return {...m, errors};
  });
}

/**
 * One load at `cpu` during which a reader taps the page again and again, from navigation until
 * SETTLE_MS after ready: a tap on the page's margin (nothing there reacts to it), the next as soon
 * as the browser has taken the last. For each tap, the input delay: from the tap reaching the
 * page's process until its first listener ran (a long task in between is what makes it long), and
 * from the tap until the next frame was presented (INP's measure of an interaction, from Event
 * Timing, which reports those of 16 ms or more). Apart from the other loads: a tap would hide the
 * layout shifts that follow it (`hadRecentInput`).
 */
function tappedLoad(browser, url, cpu) {
  return withPage(browser, async (page) => {
    await page.evaluateOnNewDocument(() => {
      const taps = {delays: [], latencies: []};
      window.__careTaps = taps;
      // The event's timeStamp is when the browser received the tap.
      addEventListener('pointerdown', (e) => taps.delays.push(performance.now() - e.timeStamp), {capture: true});
      // Event Timing: from the tap until the frame that could show its effect was presented (INP's
      // measure of one interaction), for those of 16 ms or more.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.interactionId) taps.latencies.push(e.duration);
      }).observe({type: 'event', durationThreshold: 16, buffered: true});
    });
    await page.emulateCPUThrottling(cpu);
    let tapping = true;
    const taps = (async () => {
      while (tapping) {
        await page.mouse.click(2, 2).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await loadUntilSettled(page, url);
    tapping = false;
    await taps;
    const {delays, latencies} = await page.evaluate(() => window.__careTaps);
    return {taps: delays.length, maxDelayMs: Math.max(0, ...delays), maxLatencyMs: Math.max(0, ...latencies)};
  });
}

/**
 * One traced load at 1x: the main thread's CPU time (ms) from navigation until ready, and its
 * longest task's until SETTLE_MS after ready. CPU time hardly depends on what else the machine
 * runs. (It does not tell which tasks would be long at 4x: the elements' render queue fits its
 * turns to the speed it meets, rendering all five in one task at 1x and one per task at 4x.)
 */
function traceLoad(browser, url) {
  return withPage(browser, async (page) => {
    await page.tracing.start({categories: ['devtools.timeline', 'blink.user_timing', 'toplevel']});
    await loadUntilSettled(page, url, 100);
    const {traceEvents} = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
    const ready = traceEvents.find((e) => e.name === 'care-bench-ready');
    const start = traceEvents.find(
      (e) =>
        e.name === 'navigationStart' && e.pid === ready.pid && e.args?.data?.isLoadingMainFrame && /^http/.test(e.args.data.documentLoaderURL ?? ''),
    );
    const tasks = traceEvents.filter(
      (e) => e.pid === ready.pid && e.tid === ready.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.ts >= start.ts,
    );
    const cpu = (t) => (t.tdur ?? 0) / 1000;
    const untilReady = tasks.filter((t) => t.ts <= ready.ts);
    const settled = tasks.filter((t) => t.ts <= ready.ts + SETTLE_MS * 1000);
    return {
      cpuMs: untilReady.reduce((sum, t) => sum + cpu(t), 0),
      longestCpuMs: Math.max(0, ...settled.map(cpu)),
    };
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarize(loads) {
  const pick = (f) => loads.map(f);
  const shifts = pick((r) => r.cls);
  const counts = pick((r) => r.longTasks.length);
  const totals = pick((r) => r.longTasks.reduce((sum, t) => sum + t.duration, 0));
  const longest = pick((r) => Math.max(0, ...r.longTasks.map((t) => t.duration)));
  const ready = pick((r) => r.ready);
  // Total blocking time, as Lighthouse counts it: the part of each long task over 50 ms.
  const blocking = pick((r) => r.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0));
  return {
    loads: loads.length,
    shift: {max: Math.max(...shifts), shifted: shifts.filter((v) => v > 0).length, median: median(shifts)},
    longTasks: {
      count: {median: median(counts), max: Math.max(...counts)},
      totalMs: {median: median(totals), max: Math.max(...totals)},
      maxMs: {median: median(longest), max: Math.max(...longest)},
    },
    blockingMs: {median: median(blocking), max: Math.max(...blocking)},
    readyMs: {median: median(ready), min: Math.min(...ready), max: Math.max(...ready)},
    fcpMs: {median: median(pick((r) => r.fcp ?? NaN))},
    shiftedNodes: [...new Set(loads.flatMap((r) => r.shifts.flatMap((s) => s.nodes)))],
    errors: [...new Set(loads.flatMap((r) => r.errors))],
  };
}

// ---------------------------------------------------------------------------------------------

const light = lightDom(await content());
const pages = benchPages(light).filter((p) => !ONLY.length || ONLY.includes(p.name));
const floorCode = await build(new URL('./floor-elements.js', import.meta.url).pathname);
const sizes = {care: bundleSizes(), floor: sizesOf(floorCode)};
const server = await serve(pages, floorCode);
const origin = `http://127.0.0.1:${server.address().port}`;

if (args.includes('--serve')) {
  for (const page of pages) for (const variant of Object.keys(page.variants)) console.log(`${origin}/bench/${page.name}/${slug(variant)}.html`);
  console.log('Serving until interrupted.');
} else {
  const load = [loadavg()[0]]; // before our own browser adds to it
  const browser = await launchChromium();
  const version = await chromiumVersion(browser);
  const results = {};
  const started = Date.now();
  try {
    const jobs = pages.flatMap((page) => Object.keys(page.variants).map((variant) => ({page, variant})));
    for (const cpu of CPUS) {
      // One warm-up per variant (the browser's own first-use costs), then the variants in turn.
      for (const {page, variant} of jobs) await measure(browser, `${origin}/bench/${page.name}/${slug(variant)}.html`, cpu);
      const loads = new Map(jobs.map((job) => [job, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const job of jobs) loads.get(job).push(await measure(browser, `${origin}/bench/${job.page.name}/${slug(job.variant)}.html`, cpu));
        if (!asJson) process.stderr.write(`\r${cpu}x CPU: ${i + 1} of ${RUNS} rounds`);
        load.push(loadavg()[0]);
      }
      if (!asJson) process.stderr.write('\n');
      for (const [{page, variant}, list] of loads) {
        ((results[page.name] ??= {})[`${cpu}x`] ??= {})[variant] = {summary: summarize(list), loads: list};
      }
    }
    const tapCpu = Math.max(...CPUS);
    if (TAPPED) {
      const tapped = new Map(jobs.map((job) => [job, []]));
      for (let i = 0; i < TAPPED; i++) {
        for (const job of jobs) tapped.get(job).push(await tappedLoad(browser, `${origin}/bench/${job.page.name}/${slug(job.variant)}.html`, tapCpu));
        if (!asJson) process.stderr.write(`\rtapped at ${tapCpu}x CPU: ${i + 1} of ${TAPPED} rounds`);
      }
      if (!asJson) process.stderr.write('\n');
      for (const [{page, variant}, list] of tapped) {
        const worst = list.map((t) => t.maxDelayMs);
        const latency = list.map((t) => t.maxLatencyMs);
        (results[page.name].tapped ??= {cpu: `${tapCpu}x`})[variant] = {
          maxDelayMs: {median: median(worst), max: Math.max(...worst)},
          maxLatencyMs: {median: median(latency), max: Math.max(...latency)},
          taps: median(list.map((t) => t.taps)),
          loads: list,
        };
      }
    }
    if (TRACED) {
      const traced = new Map(jobs.map((job) => [job, []]));
      for (let i = 0; i < TRACED; i++) {
        for (const job of jobs) traced.get(job).push(await traceLoad(browser, `${origin}/bench/${job.page.name}/${slug(job.variant)}.html`));
        if (!asJson) process.stderr.write(`\rtraced at 1x CPU: ${i + 1} of ${TRACED} rounds`);
      }
      if (!asJson) process.stderr.write('\n');
      for (const [{page, variant}, list] of traced) {
        (results[page.name].traced ??= {})[variant] = {
          cpuMs: median(list.map((t) => t.cpuMs)),
          longestCpuMs: {median: median(list.map((t) => t.longestCpuMs)), max: Math.max(...list.map((t) => t.longestCpuMs))},
          loads: list,
        };
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const environment = {
    browser: `Chromium ${version}`,
    cpuSlowdowns: CPUS,
    viewport: VIEWPORT,
    runs: RUNS,
    traced: TRACED,
    seconds: Math.round((Date.now() - started) / 1000),
    cores: availableParallelism(),
    loadAverage: {before: load[0], median: median(load.slice(1)), max: Math.max(...load)},
  };
  if (asJson) console.log(JSON.stringify({bundles: sizes, environment, pages: results}, null, 2));
  else print(sizes, environment, pages, results);
}

// ---------------------------------------------------------------------------------------------

function print(sizes, environment, pages, results) {
  const kb = (n) => `${(n / 1024).toFixed(2)} KiB`;
  const bytes = (s) => `${s.minified} B minified, ${s.gzip} B gzip, ${s.brotli} B brotli (${kb(s.brotli)})`;
  console.log(`dist/care-elements.js  ${bytes(sizes.care)}`);
  console.log(`floor (plain Lit)      ${bytes(sizes.floor)}`);
  const {loadAverage: la} = environment;
  console.log(
    `${environment.browser}, ${environment.viewport.width}x${environment.viewport.height}, CPU ${environment.cpuSlowdowns.map((c) => `${c}x`).join(' and ')}, ` +
      `${environment.runs} loads per variant in fresh contexts after 1 warm-up (${environment.seconds} s); ` +
      `load average ${la.before.toFixed(1)} before, ${la.median.toFixed(1)} median, ${la.max.toFixed(1)} max on ${environment.cores} cores`,
  );
  if (la.median > environment.cores / 2)
    console.log('Note: other work competed for the CPU during the run: timings (not layout shift) are noisy; compare the ratios.');
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}` : a > 0 ? '∞' : '–');
  const f0 = (n) => n.toFixed(0);
  for (const page of pages) {
    const byCpu = results[page.name];
    const variants = Object.keys(page.variants);
    console.log('');
    console.log(`${page.name}: ${page.title}`);
    const widths = [42, ...variants.map(() => 22), 12, 12];
    const line = (cells) =>
      cells
        .map((c, i) => String(c).padEnd(widths[i] ?? 12))
        .join('')
        .trimEnd();
    console.log(line(['', ...variants, 'care/floor', 'care/no JS']));
    const cpus = Object.keys(byCpu).filter((k) => /^\d+x$/.test(k));
    for (const cpu of cpus) {
      const s = (v) => byCpu[cpu][v].summary;
      const row = (label, cell, value) =>
        console.log(
          line([
            `${cpu} ${label}`,
            ...variants.map((v) => cell(s(v))),
            ...(value ? [ratio(value(s('care')), value(s('floor'))), ratio(value(s('care')), value(s('nojs')))] : []),
          ]),
        );
      row('layout shift, max', (x) => `${x.shift.max.toFixed(4)} (${x.shift.shifted} of ${x.loads})`);
      row(
        'long tasks, count',
        (x) => `${x.longTasks.count.median} (max ${x.longTasks.count.max})`,
        (x) => x.longTasks.count.median,
      );
      row(
        'long tasks, total ms',
        (x) => `${f0(x.longTasks.totalMs.median)} (max ${f0(x.longTasks.totalMs.max)})`,
        (x) => x.longTasks.totalMs.median,
      );
      row(
        'longest task, ms',
        (x) => `${f0(x.longTasks.maxMs.median)} (max ${f0(x.longTasks.maxMs.max)})`,
        (x) => x.longTasks.maxMs.median,
      );
      row(
        'blocking time, ms',
        (x) => `${f0(x.blockingMs.median)} (max ${f0(x.blockingMs.max)})`,
        (x) => x.blockingMs.median,
      );
      row(
        'first contentful paint, ms',
        (x) => f0(x.fcpMs.median),
        (x) => x.fcpMs.median,
      );
      row(
        'ready, ms',
        (x) => `${f0(x.readyMs.median)} (${f0(x.readyMs.min)}–${f0(x.readyMs.max)})`,
        (x) => x.readyMs.median,
      );
    }
    if (byCpu.tapped) {
      for (const [label, key] of [
        ['worst input delay', 'maxDelayMs'],
        ['worst tap to next paint', 'maxLatencyMs'],
      ]) {
        const t = (v) => byCpu.tapped[v][key];
        console.log(
          line([
            `${byCpu.tapped.cpu} tapped: ${label}, ms`,
            ...variants.map((v) => `${f0(t(v).median)} (max ${f0(t(v).max)})`),
            ratio(t('care').median, t('floor').median),
            ratio(t('care').median, t('nojs').median),
          ]),
        );
      }
    }
    if (byCpu.traced) {
      const t = (v) => byCpu.traced[v];
      const cells = (f) => variants.map((v) => f(t(v)));
      console.log(
        line([
          '1x CPU until ready, ms (traced)',
          ...cells((x) => x.cpuMs.toFixed(1)),
          ratio(t('care').cpuMs, t('floor').cpuMs),
          ratio(t('care').cpuMs, t('nojs').cpuMs),
        ]),
      );
      console.log(
        line(['1x longest task, ms CPU (traced)', ...cells((x) => `${x.longestCpuMs.median.toFixed(1)} (max ${x.longestCpuMs.max.toFixed(1)})`)]),
      );
    }
    const notes = [];
    for (const cpu of cpus) {
      for (const v of variants) {
        const x = byCpu[cpu][v].summary;
        if (x.shiftedNodes.length) notes.push(`${cpu} ${v} shifted: ${x.shiftedNodes.join(', ')}`);
        if (x.errors.length) notes.push(`${cpu} ${v} console errors: ${x.errors.join(' | ')}`);
      }
    }
    // Each element's box once loaded, against the no-JS page's (its light DOM as written).
    const last = (v) => byCpu[cpus[0]][v].loads.at(-1).boxes;
    const nojs = last('nojs');
    const changed = last('care').map((box, i) => {
      const before = nojs[i];
      const f = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
      return before
        ? `${box.tag} ${f(box.height - before.height)} px tall${Math.abs(box.top - before.top) >= 0.5 ? `, top ${f(box.top - before.top)} px` : ''}`
        : box.tag;
    });
    notes.push(`rendered vs. no JS: ${changed.join('; ')}`);
    for (const note of notes) console.log(`  ${note}`);
  }
  printTargets(sizes, results);
}

/** The issue's targets, each with what this run measured. */
function printTargets(sizes, results) {
  const rows = [];
  const at = (page, cpu, variant = 'care') => results[page]?.[cpu]?.[variant]?.summary;
  const mark = (ok) => (ok ? 'met    ' : 'NOT met');
  rows.push([sizes.care.brotli <= BUDGET_BROTLI, `bundle ≤ ${BUDGET_BROTLI} B brotli: ${sizes.care.brotli} B`]);
  for (const [page, limit] of [
    ['lists', 0],
    ['all', 0],
    ['quick-start', 0.01],
    ['bare', 0.01],
  ]) {
    for (const cpu of ['1x', '4x']) {
      const x = at(page, cpu);
      if (x)
        rows.push([
          x.shift.max <= limit,
          `${page}, ${cpu}: layout shift ≤ ${limit} on every load: max ${x.shift.max.toFixed(4)}, ${x.shift.shifted} of ${x.loads} loads shifted`,
        ]);
    }
  }
  const all = at('all', '4x');
  if (all) {
    const nojs = at('all', '4x', 'nojs');
    const without = nojs ? ` (the no-JS page: ${nojs.longTasks.count.median}, max ${nojs.longTasks.count.max})` : '';
    rows.push([all.longTasks.count.median === 0, `all, 4x: no long task in the median load: ${all.longTasks.count.median}${without}`]);
    rows.push([all.longTasks.count.max <= 1, `all, 4x: at most one long task in any load: ${all.longTasks.count.max}`]);
  }
  // In place of the count as written (the no-JS page has long tasks of its own here): what a
  // reader feels of them, the slowest tap during loading, from the tap until the next frame was
  // presented (INP's measure), against the same page without JS.
  for (const page of Object.keys(results)) {
    const tapped = results[page].tapped;
    if (!tapped) continue;
    const care = tapped.care.maxLatencyMs.median;
    const nojs = tapped.nojs.maxLatencyMs.median;
    rows.push([
      care - nojs <= 50,
      `${page}, ${tapped.cpu} (proposed): the slowest tap during loading takes less than one long task (50 ms) longer to paint than without JS, ` +
        `in the median load: ${care.toFixed(0)} vs ${nojs.toFixed(0)} ms (floor ${tapped.floor.maxLatencyMs.median.toFixed(0)} ms)`,
    ]);
  }
  for (const page of Object.keys(results)) {
    const care = at(page, '4x');
    const nojs = at(page, '4x', 'nojs');
    if (care && nojs) {
      const r = care.readyMs.median / nojs.readyMs.median;
      rows.push([
        r <= 1.5,
        `${page}, 4x: ready within 1.5x of the no-JS page: ${r.toFixed(2)}x (${care.readyMs.median.toFixed(0)} / ${nojs.readyMs.median.toFixed(0)} ms)`,
      ]);
    }
  }
  console.log('');
  console.log('Targets (issue #11)');
  for (const [ok, text] of rows) console.log(`  ${mark(ok)}  ${text}`);
}
