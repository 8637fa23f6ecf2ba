/**
 * `care-elements/hydrate.js`, and the entry of the drop-in `dist/care-elements-hydrate.js`: Lit's
 * hydration support, then every tag. For pages whose elements were rendered on the server
 * (`care-elements/ssr`): each element takes over the server's shadow DOM as it is, with no second
 * render of it, and then applies what only the browser knows (ticks and drafts kept on the device).
 * Import it before any other module that loads Lit. Pages without server-rendered elements do not
 * need it: `dist/care-elements.js` stays without it (a server-rendered element there renders afresh).
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './define.js';
