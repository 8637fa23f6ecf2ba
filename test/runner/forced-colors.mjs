// The `emulate-forced-colors` command: forced colours (Windows High Contrast) on a test page, with
// a light or a dark palette. @web/test-runner-commands' emulateMedia passes only colour scheme and
// reduced motion to Puppeteer, and Puppeteer refuses `forced-colors`, so this goes to Chromium's
// DevTools protocol itself. Firefox over WebDriver BiDi and WebKit over WebDriver classic have no
// such emulation: the command answers false there, and the test skips.

/** One DevTools session per page: Chromium drops a session's emulation when the session detaches. */
const sessions = new WeakMap();

/** A plugin for the `plugins` array of the runner config. Payload: `{active: boolean, scheme?: 'light' | 'dark'}`. */
export function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      const page = session.browser.getPage(session.id);
      // Puppeteer's BiDi browser (Firefox) says it has no DevTools protocol; its CDP browser has no such getter.
      if (page.browser().cdpSupported === false) return false;
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = payload?.active
        ? [
            {name: 'forced-colors', value: 'active'},
            {name: 'prefers-color-scheme', value: payload.scheme ?? 'light'},
          ]
        : [];
      await sessions.get(page).send('Emulation.setEmulatedMedia', {media: '', features});
      return true;
    },
  };
}
