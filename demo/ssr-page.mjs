// A page whose five elements are rendered on the server with care-elements/ssr (dist/ssr.js): the
// demo's demo/ssr.html (`node demo/ssr-page.mjs`, run by `npm run build`) and the pages the SSR
// browser test loads (test/runner/ssr-pages.mjs).
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
 * The page's HTML. `script`: the bundle the page loads, or null to leave the elements as the server
 * rendered them (a test loads the bundle itself); `post`: the comment form's post id.
 */
export async function ssrPage({script = '/dist/care-elements-hydrate.js', post = '1', lang = 'en', storagePrefix = 'ssr-demo'} = {}) {
  const {renderElement} = await import('../dist/ssr.js');
  const elements = await Promise.all([
    renderElement('care-symptom-list', {selectable: true, persist: true, 'storage-key': `${storagePrefix}:symptoms`}),
    renderElement('care-cause-list'),
    renderElement('care-treatment-checklist', {'storage-key': `${storagePrefix}:steps`}),
    renderElement('care-guide-signup', {action: '/api/guide-signups', offer: true, 'name-field': true}),
    renderElement('care-comment-form', {action: '/api/comments', 'post-id': post}),
  ]);
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>care-elements rendered on the server</title>
    ${script ? `<script type="module" src="${script}"></script>` : ''}
  </head>
  <body>
    <main id="article">
      <h1>Understanding Leaky Gut Syndrome</h1>
      <p>Every element below was rendered on the server by <code>care-elements/ssr</code>; the browser
      hydrates it with <code>dist/care-elements-hydrate.js</code>, without rendering it again.</p>
      ${elements.join('\n      ')}
    </main>
  </body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('ssr.html', import.meta.url), await ssrPage());
  console.log('demo/ssr-page.mjs: wrote demo/ssr.html');
}
