/**
 * The reference receiver as a Koa middleware, for the `middleware` array of @web/dev-server and
 * @web/test-runner configs:
 *
 *   import {receiverMiddleware} from './demo/receiver/middleware.mjs';
 *   export default {middleware: [receiverMiddleware({floodWindowMs: 0})]};
 */
import {createReceiver} from './receiver.mjs';

/**
 * Creates a receiver and returns a middleware that lets it answer its routes; other requests go
 * on to the next middleware (the dev server's file serving). The receiver is reachable as the
 * middleware's `receiver` property, for a config that wants to `close()` it.
 *
 * @param {import('./receiver.mjs').ReceiverOptions} [options] as for createReceiver()
 * @returns {((ctx: {req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, respond?: boolean}, next: () => Promise<unknown>) => Promise<void>) & {receiver: import('./receiver.mjs').Receiver}}
 */
export function receiverMiddleware(options) {
  const receiver = createReceiver(options);
  async function middleware(ctx, next) {
    if (await receiver.handle(ctx.req, ctx.res)) {
      // The receiver wrote to the raw response; Koa must not write a response of its own.
      ctx.respond = false;
      return;
    }
    await next();
  }
  middleware.receiver = receiver;
  return middleware;
}
