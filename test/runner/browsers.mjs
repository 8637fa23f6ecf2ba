// Finds the browsers the suite runs in and builds @web/test-runner launchers for them.
// Browsers always come from the system (Debian packages or an installed Chrome), never from a
// tool's own download. BROWSERS=chromium,firefox,webkit picks engines (default: all three).
import {existsSync} from 'node:fs';
import {spawn} from 'node:child_process';
import {chromeLauncher} from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // required when running as root (CI containers)
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const WEBKIT_DIR = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1';

const ENGINES = {
  chromium: {
    paths: () => [
      process.env.CHROME_PATH,
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    hint: 'set CHROME_PATH, or on Debian: apt-get install chromium',
  },
  firefox: {
    paths: () => [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    hint: 'set FIREFOX_PATH, or on Debian: apt-get install firefox-esr',
  },
  webkit: {
    paths: () => [process.env.WEBKIT_DRIVER_PATH, `${WEBKIT_DIR}/WebKitWebDriver`, '/usr/bin/WebKitWebDriver'],
    hint: 'on Debian: apt-get install webkit2gtk-driver xvfb xauth',
  },
};

function find(engine) {
  return ENGINES[engine].paths().find((p) => p && existsSync(p));
}

export function requestedEngines() {
  const list = (process.env.BROWSERS || 'chromium,firefox,webkit')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of list) {
    if (!ENGINES[name]) {
      console.error(`Unknown engine "${name}" in BROWSERS; use chromium, firefox, webkit.`);
      process.exit(1);
    }
  }
  return list;
}

/** Exits with one clear line per missing browser. */
export function checkBrowsers(engines) {
  const missing = engines.filter((e) => !find(e));
  for (const e of missing) console.error(`No ${e} browser found: ${ENGINES[e].hint} (or run fewer engines, e.g. BROWSERS=chromium npm test).`);
  if (missing.length) process.exit(1);
}

export function chromiumPath() {
  return find('chromium');
}

/** The browser (or WebKit's driver) the suite would run for `engine`, or undefined. */
export function enginePath(engine) {
  return find(engine);
}

const children = new Set();
function startChild(cmd, args, env) {
  const child = spawn(cmd, args, {stdio: 'ignore', detached: true, env: {...process.env, ...env}});
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
function stopChildren() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
}
process.on('exit', stopChildren);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

async function waitForPort(port, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port}`);
}

/** Starts Xvfb (MiniBrowser has no headless mode) and WebKitWebDriver; both stop when the runner exits. */
async function startWebKitDriver(port) {
  let display = process.env.DISPLAY;
  if (!display) {
    display = `:${90 + (process.pid % 400)}`;
    startChild('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    await new Promise((r) => setTimeout(r, 400));
  }
  startChild(find('webkit'), [`--port=${port}`], {DISPLAY: display});
  await waitForPort(port);
}

export async function launchers(engines) {
  const result = [];
  for (const engine of engines) {
    if (engine === 'chromium') {
      result.push(chromeLauncher({launchOptions: {executablePath: find('chromium'), headless: true, args: CHROMIUM_ARGS}}));
    } else if (engine === 'firefox') {
      // chromeLauncher drives Firefox over WebDriver BiDi through puppeteer-core; no geckodriver needed.
      result.push(chromeLauncher({puppeteer: puppeteerCore, launchOptions: {browser: 'firefox', executablePath: find('firefox'), headless: true}}));
    } else if (engine === 'webkit') {
      const {webdriverLauncher} = await import('@web/test-runner-webdriver');
      const port = 4445 + (process.pid % 1000);
      await startWebKitDriver(port);
      result.push(
        webdriverLauncher({
          automationProtocol: 'webdriver',
          hostname: '127.0.0.1',
          port,
          path: '/',
          logLevel: 'error',
          capabilities: {
            browserName: 'MiniBrowser',
            // Without this webdriverio asks for BiDi, which WebKitWebDriver refuses.
            'wdio:enforceWebDriverClassic': true,
            'webkitgtk:browserOptions': {binary: `${WEBKIT_DIR}/MiniBrowser`, args: ['--automation']},
          },
        }),
      );
    }
  }
  return result;
}
