/**
 * Same-origin frames that load a fresh copy of the code: their own module map, so module-level
 * state (the storage wrapper's "warn once" flag, the registry of custom elements) starts clean.
 */
import {waitUntil} from '@open-wc/testing';
import {captureConsole} from './console.js';

export interface FramePage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & {__errors: string[]; __warns: string[]; __thrown: string[]; __ready?: boolean};
  doc: Document;
}

/**
 * The first script of every frame: the console captured as on this page (`captureConsole`'s own
 * source), and uncaught errors and rejections, into `__errors`, `__warns` and `__thrown`.
 * Pre-seeding litIssuedWarnings keeps development Lit's "dev mode" notice out of `__warns`.
 */
const RECORDER = `
  window.litIssuedWarnings = new Set(['dev-mode']);
  {
    const log = (${String(captureConsole)})(window);
    window.__errors = log.errors; window.__warns = log.warns; window.__thrown = [];
  }
  window.addEventListener('error', (e) => window.__thrown.push(String(e.message || e.error)));
  window.addEventListener('unhandledrejection', (e) => window.__thrown.push(String(e.reason)));
`;

/**
 * Writes a same-origin document into a new iframe (document.open/write keeps the frame on this
 * origin, unlike srcdoc or blob URLs for module scripts). `setup` is classic script run after the
 * recorder and before anything else (e.g. `storageSetup(...)`); `modules` are module script URLs,
 * loaded in order. Resolves once every module has run.
 */
export async function writeFrame({
  head = '',
  body = '',
  setup = '',
  modules = [],
}: {
  head?: string;
  body?: string;
  setup?: string;
  modules?: string[];
}): Promise<FramePage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 1200px; border: 0';
  document.body.append(frame);
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
<script>${RECORDER}${setup}</script>
${head}
${modules.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}
<script type="module">window.__ready = true;</script>
</head><body>${body}</body></html>`);
  doc.close();
  const win = frame.contentWindow as FramePage['win'];
  await waitUntil(() => win.__ready === true, 'the frame did not load its modules', {timeout: 8000});
  return {frame, win, doc};
}
