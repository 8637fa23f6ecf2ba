// Chromium for the WordPress browser tests: the system's (Debian's package or an installed Chrome),
// never a tool's own download; the same flags as test/runner/browsers.mjs.
import {existsSync} from 'node:fs';

export const CHROMIUM_PATH = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(
  (path) => path && existsSync(path),
);

export const CHROMIUM_ARGS = [
  '--no-sandbox', // required when running as root (CI containers)
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
