// Serves /__ssr/page.html?post=…&prefix=…: the five elements rendered on the server by dist/ssr.js
// (demo/ssr-page.mjs), without a script, for test/ssr/hydration.test.ts to hydrate. Needs a build.
export function ssrPages() {
  return async (ctx, next) => {
    if (ctx.path !== '/__ssr/page.html') return next();
    const {ssrPage} = await import('../../demo/ssr-page.mjs');
    ctx.type = 'html';
    ctx.body = await ssrPage({
      script: null,
      post: ctx.query.post ?? '1',
      storagePrefix: ctx.query.prefix ?? 'ssr-test',
      lang: ctx.query.lang ?? 'en',
    });
  };
}
