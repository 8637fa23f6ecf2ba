// Serves the pages of test/fixtures/csp/ with a Content-Security-Policy header, as a publisher's
// server would (a <meta> policy cannot carry every directive, and a header is what sites use).
// `?allow-duplicates` adds 'allow-duplicates' to the trusted-types directive.

/** The strict policy of issue 7: nothing inline, nothing from elsewhere, Trusted Types enforced. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

/** A Koa middleware for the `middleware` array of the runner config; other paths pass untouched. */
export function cspMiddleware(prefix = '/test/fixtures/csp/') {
  return async function csp(ctx, next) {
    await next();
    if (!ctx.path.startsWith(prefix) || !ctx.path.endsWith('.html')) return;
    const duplicates = new URLSearchParams(ctx.querystring).has('allow-duplicates');
    ctx.set('Content-Security-Policy', duplicates ? `${STRICT_CSP} 'allow-duplicates'` : STRICT_CSP);
  };
}
