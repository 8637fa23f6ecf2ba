// `npm start`: serves the demo pages and the built bundle, with the reference receiver on the
// same origin. The pages load `/dist/care-elements.js` by a plain script tag, as a publisher's
// page does, so run `npm run build` first (`npm start` does).
import {receiverMiddleware} from './demo/receiver/middleware.mjs';

const DEMO_PATH = '/demo/';

/** Prints where the demo is once the port is known (8000, or the next free one when it is taken). */
function demoAddress() {
  return {
    name: 'care-demo-address',
    serverStart({config, logger}) {
      const origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      logger.log(`Demo:       ${origin}${DEMO_PATH}`);
      logger.log(`Blog theme: ${origin}${DEMO_PATH}theme.html`);
      logger.log('');
    },
  };
}

export default {
  rootDir: '.',
  nodeResolve: true,
  open: false,
  // No `port`: @web/dev-server then takes 8000, or the next free port if 8000 is taken
  // (an explicit `port: 8000` would fail to start instead). `--port` on the command line still wins.
  watch: false,
  // The file watcher would otherwise clear the terminal, and the receiver's log with it, on any change.
  clearTerminalOnReload: false,
  middleware: [receiverMiddleware()],
  plugins: [demoAddress()],
};
