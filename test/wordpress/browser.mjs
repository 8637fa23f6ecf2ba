// Chromium for the WordPress browser tests: the system's (Debian's package or an installed Chrome),
// never a tool's own download, with the flags of the browser suite.
import {CHROMIUM_ARGS, chromiumPath} from '../runner/browsers.mjs';

export {CHROMIUM_ARGS};
export const CHROMIUM_PATH = chromiumPath();
