/**
 * What the Node scripts that drive Chromium share (the WordPress suite, the bench, the demo's
 * screenshots): the system's Chromium through puppeteer-core, the stack the browser suite already
 * uses for Firefox (test/runner/browsers.mjs), and the few things a test needs that puppeteer does
 * not do by itself.
 *
 * Selectors are puppeteer's: CSS for the document and the light DOM, `>>>` to reach into shadow
 * roots (`care-comment-form >>> [part="submit"]`: the submit button inside the element's shadow
 * root), `::-p-aria(...)` for a role and an accessible name, `::-p-text(...)` for text.
 *
 * Actions on one element are strict, as the tests were written: one() fails when the selector
 * matches more than one element, instead of acting on the first.
 *
 * Node-side only (the browser suite's helpers beside it run in the page).
 */
import assert from 'node:assert/strict';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, chromiumPath} from '../runner/browsers.mjs';

/** The viewport a page gets when none is asked for: a desktop window's, as the suites were written at. */
const DESKTOP = {width: 1280, height: 720};

/** Headless Chromium from the system (never a tool's own download), with the browser suite's flags and `args`. */
export function launchChromium({args = []} = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROME_PATH');
  // Every page sets its own viewport (newPage), so none is imposed at launch.
  return puppeteer.launch({executablePath, headless: true, args: [...CHROMIUM_ARGS, ...args], defaultViewport: null});
}

/** The browser's version alone ("156.0.8078.114"): puppeteer answers with its product name in front. */
export async function chromiumVersion(browser) {
  return (await browser.version()).replace(/^[^/]*\//, '');
}

/**
 * A page in a browser context of its own (no cookies, storage or cache shared with any other).
 * `viewport`: puppeteer's (`{width, height, deviceScaleFactor, isMobile, hasTouch}`, at a scale of
 * 1 unless said); `headers`: sent with every request of the page; `javaScriptEnabled: false` turns
 * scripts off. The page counts as focused even while another page of the browser has the focus: the
 * elements move focus and the tests read it, and pages of two tests run side by side.
 */
export async function newPage(browser, {viewport = DESKTOP, headers, javaScriptEnabled = true} = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({deviceScaleFactor: 1, ...viewport});
  await page.emulateFocusedPage(true);
  if (headers) await page.setExtraHTTPHeaders(headers);
  if (!javaScriptEnabled) await page.setJavaScriptEnabled(false);
  return {context, page};
}

/** A selector for the element with `role` and exactly the accessible name `name` (the accessibility tree's). */
export const byRole = (role, name) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

/** How many elements match `selector` in `scope` (a page or an element) now, without waiting. */
export async function count(scope, selector) {
  const found = await scope.$$(selector);
  await Promise.all(found.map((handle) => handle.dispose()));
  return found.length;
}

/** The page's own timeout, for a wait that takes no option (a page, or an element's page). */
const timeoutOf = (scope) => (scope.frame?.page() ?? scope).getDefaultTimeout();

/**
 * The one element that matches `selector` in `scope` (a page or an element): waits for it to be
 * attached (`visible`: and shown) for the page's default timeout, then fails if there are more.
 */
export async function one(scope, selector, {visible = false} = {}) {
  await scope.waitForSelector(selector, {visible, timeout: timeoutOf(scope)}).then((handle) => handle?.dispose());
  const found = await scope.$$(selector);
  if (found.length !== 1) {
    await Promise.all(found.map((handle) => handle.dispose()));
    throw new Error(`${selector}: ${found.length} elements match, one was expected`);
  }
  return found[0];
}

/** Waits until the one element that matches is shown (see one()). */
export async function waitForShown(scope, selector) {
  await (await one(scope, selector, {visible: true})).dispose();
}

/** The attribute `name` of the one element that matches (null when it has none). */
export async function getAttribute(scope, selector, name) {
  const handle = await one(scope, selector);
  try {
    return await handle.evaluate((element, attribute) => element.getAttribute(attribute), name);
  } finally {
    await handle.dispose();
  }
}

/**
 * Whether the element is shown (a box of some size, not hidden by `visibility` or by an ancestor:
 * `checkVisibility()`; with `display: contents`, whether a child is), enabled (not `:disabled`,
 * itself or by its fieldset), editable (and not read-only), and where its box is. Runs in the page,
 * so it holds everything it needs.
 */
function stateOf(element) {
  const shown = (node) => {
    const style = getComputedStyle(node);
    if (style.display === 'contents') {
      return [...node.childNodes].some((child) => {
        if (child.nodeType === Node.ELEMENT_NODE) return shown(child);
        if (child.nodeType !== Node.TEXT_NODE) return false;
        const range = document.createRange();
        range.selectNode(child);
        const box = range.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      });
    }
    if (!node.checkVisibility() || style.visibility !== 'visible') return false;
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const {x, y, width, height} = element.getBoundingClientRect();
  const enabled = !element.matches(':disabled');
  return {shown: shown(element), enabled, editable: enabled && !element.readOnly, box: [x, y, width, height].join()};
}

/** Whether the one element that matches now is shown (see stateOf()); false when none matches. Does not wait. */
export async function isVisible(scope, selector) {
  const found = await scope.$$(selector);
  try {
    if (found.length > 1) throw new Error(`${selector}: ${found.length} elements match, one was expected`);
    return found.length === 1 && (await found[0].evaluate(stateOf)).shown;
  } finally {
    await Promise.all(found.map((handle) => handle.dispose()));
  }
}

/** The rendered text of the one element that matches (`innerText`). */
export async function innerText(scope, selector) {
  const handle = await one(scope, selector);
  try {
    return await handle.evaluate((element) => element.innerText);
  } finally {
    await handle.dispose();
  }
}

/**
 * Waits until the element can be used: shown, enabled (`editable`: and not read-only) and still
 * (the same box twice in a row). Polled from here: puppeteer's own waits run in the page, on its
 * timers and animation frames, which do not run in a page with JavaScript off.
 */
async function usable(handle, selector, {editable = false} = {}) {
  const deadline = Date.now() + timeoutOf(handle);
  let box;
  for (;;) {
    const state = await handle.evaluate(stateOf);
    const ready = state.shown && (editable ? state.editable : state.enabled);
    if (ready && state.box === box) return;
    if (Date.now() > deadline)
      throw new Error(`${selector}: ${!state.shown ? 'not shown' : !ready ? (editable ? 'not editable' : 'disabled') : 'still moving'}`);
    box = ready ? state.box : undefined;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A mouse click in the middle of the element, scrolled into view if it is not. Through the DevTools
 * protocol alone: ElementHandle.click() asks an IntersectionObserver first, whose callback does not
 * run in a page with JavaScript off.
 */
async function clickOn(handle) {
  await handle.scrollIntoView();
  const {x, y} = await handle.clickablePoint();
  await handle.frame.page().mouse.click(x, y);
}

/** Clicks the one element that matches, once it is shown, enabled and still. */
export async function click(scope, selector) {
  const handle = await one(scope, selector);
  try {
    await usable(handle, selector);
    await clickOn(handle);
  } finally {
    await handle.dispose();
  }
}

/**
 * Replaces the value of the one field that matches with `value`, as a paste does: the field
 * focused, its text selected, then `value` inserted in one input event (or the selection deleted,
 * for an empty value). Not typed key by key: a key's own handlers have no part in it.
 */
export async function fillIn(scope, selector, value) {
  const handle = await one(scope, selector);
  try {
    await usable(handle, selector, {editable: true});
    await handle.evaluate((field) => {
      field.focus();
      field.select();
    });
    const {keyboard} = handle.frame.page();
    if (value) await keyboard.sendCharacter(value);
    else await keyboard.press('Delete');
  } finally {
    await handle.dispose();
  }
}

/** Ticks the one checkbox that matches (a click, unless it is ticked already), and makes sure it is ticked. */
export async function check(scope, selector) {
  const handle = await one(scope, selector);
  try {
    if (!(await handle.evaluate((box) => box.checked))) {
      await usable(handle, selector);
      await clickOn(handle);
    }
    assert.equal(await handle.evaluate((box) => box.checked), true, `${selector} is ticked`);
  } finally {
    await handle.dispose();
  }
}

/** How many elements hold `text` (the smallest that do, shadow roots included): puppeteer's `::-p-text`. */
export const textCount = (page, text) => count(page, `::-p-text(${JSON.stringify(text)})`);

/**
 * Runs `action` (a click that navigates) and waits until the page is at a URL that matches
 * `url` (a string or a RegExp) and its `waitUntil` event has fired ('load' by default).
 */
export async function navigateTo(page, url, action, {waitUntil = 'load'} = {}) {
  const matches = (at) => (typeof url === 'string' ? at === url : url.test(at));
  const deadline = Date.now() + page.getDefaultNavigationTimeout();
  const arrived = (async () => {
    // A redirect the browser follows is one navigation; a page that moves on by itself is another.
    while (!matches(page.url())) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no navigation to ${url}: the page is at ${page.url()}`);
      await page.waitForNavigation({waitUntil, timeout: left});
    }
  })();
  await Promise.all([arrived, action()]);
}

/** Waits for the page's load event (the page may be loaded already). */
export function waitForLoad(page) {
  return page.waitForFunction(() => document.readyState === 'complete', {timeout: page.getDefaultTimeout()});
}

const CLOCK = 'care-test-clock';

/**
 * A page clock the test moves forward: `performance.now()`, `Date.now()` and `new Date()` read the
 * real time plus what fastForward() added. Call before the page loads (it holds for every document
 * the page opens). Only the readings move: a timer still fires after its real delay.
 */
export async function installClock(page) {
  await page.evaluateOnNewDocument((key) => {
    let ahead = 0;
    const now = performance.now.bind(performance);
    const RealDate = Date;
    performance.now = () => now() + ahead;
    function ClockDate(...args) {
      if (!new.target) return new RealDate(RealDate.now() + ahead).toString();
      return args.length ? new RealDate(...args) : new RealDate(RealDate.now() + ahead);
    }
    Object.setPrototypeOf(ClockDate, RealDate);
    ClockDate.prototype = RealDate.prototype;
    ClockDate.now = () => RealDate.now() + ahead;
    globalThis.Date = ClockDate;
    globalThis[Symbol.for(key)] = (ms) => (ahead += ms);
  }, CLOCK);
  return {
    /** Moves the page's clock `ms` ahead. */
    fastForward: (ms) => page.evaluate((key, by) => globalThis[Symbol.for(key)](by), CLOCK, ms),
  };
}

/**
 * Runs `action` (a click that downloads a file) and waits for the download to finish. Resolves
 * with `{suggestedFilename, path}`: the name the server gave it, and where it was saved (a fresh
 * folder of its own, removed when the page closes). Through the browser's DevTools protocol:
 * puppeteer has no download event.
 */
export async function download(page, action) {
  const browser = page.browser();
  const folder = await mkdtemp(join(tmpdir(), 'care-download-'));
  page.once('close', () => rm(folder, {recursive: true, force: true}));
  const session = await browser.target().createCDPSession();
  try {
    const began = new Promise((resolve) => session.once('Browser.downloadWillBegin', resolve));
    const finished = new Promise((resolve, reject) => {
      session.on('Browser.downloadProgress', (event) => {
        if (event.state === 'completed') resolve(event);
        if (event.state === 'canceled') reject(new Error('the download was canceled'));
      });
    });
    await session.send('Browser.setDownloadBehavior', {
      behavior: 'allowAndName',
      downloadPath: folder,
      browserContextId: page.browserContext().id,
      eventsEnabled: true,
    });
    await action();
    const {guid, suggestedFilename} = await began;
    await finished;
    assert.deepEqual(await readdir(folder), [guid], 'one file downloaded');
    return {suggestedFilename, path: join(folder, guid)};
  } finally {
    await session.detach();
  }
}

/**
 * POSTs `form` (urlencoded) to `url` from Node as the page's browser context: with the context's
 * cookies for that URL, and `headers` (the page's extra headers: puppeteer does not tell them).
 * Resolves with `{status, text}` of the answer, after any redirect.
 */
export async function postForm(page, url, form, headers = {}) {
  const session = await page.createCDPSession();
  try {
    const {cookies} = await session.send('Network.getCookies', {urls: [url]});
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookies.map(({name, value}) => `${name}=${value}`).join('; '),
      },
      body: new URLSearchParams(form),
    });
    return {status: response.status, text: await response.text()};
  } finally {
    await session.detach();
  }
}
