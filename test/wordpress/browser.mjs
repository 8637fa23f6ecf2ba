// Chromium for the WordPress browser tests: the system's (Debian's package or an installed Chrome),
// never a tool's own download. The tests launch it through test/helpers/puppeteer-page.mjs, with the
// flags of the browser suite; run.mjs and the tests' skip ask here whether there is one.
import {chromiumPath} from '../runner/browsers.mjs';

export const CHROMIUM_PATH = chromiumPath();
