// Full-page screenshots of the demo, for the README and for looking at changes:
//
//   node demo/screenshot.mjs [baseUrl]        (default http://127.0.0.1:8000/demo/; `npm start` first)
//
// Writes demo/screenshots/{light,dark,es,phone,theme}.png. Only light.png is meant to be committed
// (the README shows it); the others are for review. Prints any console error or warning the
// pages logged (a Content-Security-Policy or Trusted Types violation would show up here) and
// exits non-zero if there was an error.
import {mkdirSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium, newPage} from '../test/helpers/puppeteer-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'screenshots');
const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8000/demo/');
if (!base.pathname.endsWith('/')) base.pathname += '/';

const desktop = {width: 1280, height: 900};
const SHOTS = [
  {file: 'light.png', page: '', query: {theme: 'light', lang: 'en'}, viewport: desktop, use: true},
  {file: 'dark.png', page: '', query: {theme: 'dark', lang: 'en'}, viewport: desktop, use: true},
  {file: 'es.png', page: '', query: {theme: 'light', lang: 'es'}, viewport: desktop, use: true},
  {file: 'phone.png', page: '', query: {theme: 'light', lang: 'en'}, viewport: {width: 390, height: 844, isMobile: true, hasTouch: true}},
  {file: 'theme.png', page: 'theme.html', query: {theme: 'light', lang: 'en'}, viewport: desktop, use: true},
];

/**
 * A reader's first moves, so the shots show the interactive states too: two symptoms marked,
 * two steps ticked, one cause opened. By position, so it works in every language; the controls
 * a page does not have are skipped. The phone shot stays untouched.
 */
async function use(page) {
  const click = async (selector, ...indexes) => {
    const all = await page.$$(selector);
    for (const i of indexes) if (i < all.length) await all[i].asLocator().click();
  };
  // The controls are in each element's shadow root.
  await click('care-symptom-list >>> [part~="checkbox"]', 2, 3);
  await click('care-treatment-checklist >>> [part~="checkbox"]', 0, 6);
  await click('care-cause-list >>> [part~="summary"]', 2);
  // No hover underline on the last thing clicked; let the progress bar's transition finish.
  await page.mouse.move(0, 0);
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/**
 * Resolves once every defined care-* element has rendered (its update done, its shadow root
 * filled, no list still loading its `src`) and the comments list has loaded or failed. Tags the
 * bundle does not define are reported, not waited for.
 */
async function settled(page) {
  return page.evaluate(async () => {
    const deadline = performance.now() + 10_000;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-'));
    const undefinedTags = [...new Set(elements.map((el) => el.localName))].filter((tag) => !customElements.get(tag));
    for (;;) {
      const pending = elements.filter((el) => {
        if (!customElements.get(el.localName)) return false;
        const root = el.shadowRoot;
        return !el.hasUpdated || el.isUpdatePending || !root?.childElementCount || root.querySelector('[aria-busy="true"]');
      });
      const comments = document.getElementById('comments-received');
      const commentsPending = comments && !['ready', 'failed'].includes(comments.dataset.state ?? '');
      if (!pending.length && !commentsPending) break;
      if (performance.now() > deadline) {
        return {undefinedTags, timedOut: pending.map((el) => el.localName).concat(commentsPending ? ['comments list'] : [])};
      }
      await frame();
    }
    await document.fonts.ready;
    await frame();
    await frame();
    return {undefinedTags, timedOut: []};
  });
}

mkdirSync(outDir, {recursive: true});
const browser = await launchChromium();

let errors = 0;
try {
  for (const shot of SHOTS) {
    // A fresh context per shot: no saved theme, language or ticks leak from one to the next.
    const {context, page} = await newPage(browser, {viewport: shot.viewport});
    // The theme comes from ?theme=; the system's own preference stays light, whatever the machine's.
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'light'}]);
    const messages = [];
    page.on('console', (msg) => {
      // puppeteer calls a warning `warn`.
      const type = msg.type() === 'warn' ? 'warning' : msg.type();
      if (type !== 'error' && type !== 'warning') return;
      // The failed request itself is reported below, with its URL.
      if (msg.text().startsWith('Failed to load resource')) return;
      messages.push(`${type}: ${msg.text()}`);
    });
    page.on('pageerror', (error) => messages.push(`error: ${error.message}`));
    page.on('response', (res) => {
      // Chromium asks for /favicon.ico by itself; the demo has none and needs none.
      if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') messages.push(`error: ${res.status()} ${res.url()}`);
    });
    const url = new URL(shot.page, base);
    for (const [key, value] of Object.entries(shot.query)) url.searchParams.set(key, value);

    const response = await page.goto(url.href, {waitUntil: 'load'});
    if (!response?.ok()) throw new Error(`${url.href} answered ${response?.status()}; is the demo served there (npm start)?`);
    const state = await settled(page);
    if (shot.use) await use(page);
    const file = join(outDir, shot.file);
    await page.screenshot({path: file, fullPage: true});
    await context.close();

    console.log(`${relative(process.cwd(), file)}  <- ${url.pathname}${url.search}  (${shot.viewport.width} px wide)`);
    if (state.undefinedTags.length) console.log(`  not defined by the bundle: ${state.undefinedTags.join(', ')}`);
    if (state.timedOut.length) console.log(`  still not rendered after 10 s: ${state.timedOut.join(', ')}`);
    for (const message of messages) console.log(`  ${message}`);
    errors += messages.filter((m) => m.startsWith('error')).length;
  }
} finally {
  await browser.close();
}
if (errors) {
  console.error(`${errors} console error(s): see above.`);
  process.exitCode = 1;
}
