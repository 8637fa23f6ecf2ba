// A hostile server for test/security/: the test decides, byte for byte, what a request is answered,
// so every field of every answer (JSON bodies, HTML error pages, redirect headers) can carry an
// XSS payload over real HTTP.
//
//   POST /__hostile/answers   body: JSON array of {status, headers?, body?}
//                             answer: 201 {"base": "/__hostile/answers/<n>"}
//   any method on <base>/<i>  the i-th stored answer, exactly (status, headers, body)
//   GET anything else under /__hostile/   200 "Landed." (HTML), where a stored redirect may point
//
// A batch is kept for the life of the run (a retried submission gets the same answer), at most
// MAX_BATCHES of them, oldest dropped first.

const MAX_BATCHES = 200;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Reads the request body as text, or null past `limit`. */
async function readText(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, headers, body) {
  res.writeHead(status, {'Cache-Control': 'no-store', ...headers});
  res.end(body);
}

/** Whether `value` is one stored answer. */
function isAnswer(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    Number.isInteger(value.status) &&
    value.status >= 200 &&
    value.status <= 599 &&
    (value.headers === undefined || (typeof value.headers === 'object' && Object.values(value.headers).every((v) => typeof v === 'string'))) &&
    (value.body === undefined || typeof value.body === 'string')
  );
}

/** A Koa middleware for the `middleware` array of the runner config; other paths pass untouched. */
export function hostileAnswers(prefix = '/__hostile/') {
  /** @type {Map<number, Array<{status: number, headers?: Record<string, string>, body?: string}>>} */
  const batches = new Map();
  let next = 1;

  return async function hostile(ctx, nextMiddleware) {
    if (!ctx.path.startsWith(prefix)) return nextMiddleware();
    // Answered on the raw response, so Koa adds and changes nothing (no type sniffing, no redirect body).
    ctx.respond = false;
    const {req, res} = ctx;
    const rest = ctx.path.slice(prefix.length);

    if (rest === 'answers' && req.method === 'POST') {
      const text = await readText(req, MAX_BODY_BYTES);
      let answers;
      try {
        answers = JSON.parse(text ?? '');
      } catch {
        answers = undefined;
      }
      if (!Array.isArray(answers) || !answers.every(isAnswer)) {
        return send(res, 400, {'Content-Type': 'text/plain'}, 'Expected a JSON array of {status, headers?, body?}.');
      }
      const id = next++;
      batches.set(id, answers);
      if (batches.size > MAX_BATCHES) batches.delete(batches.keys().next().value);
      return send(res, 201, {'Content-Type': 'application/json'}, JSON.stringify({base: `${prefix}answers/${id}`}));
    }

    const match = /^answers\/(\d+)\/(\d+)$/.exec(rest);
    const answer = match ? batches.get(Number(match[1]))?.[Number(match[2])] : undefined;
    // The request body (a submission) is read and dropped, so the connection stays reusable.
    await readText(req, MAX_BODY_BYTES);
    if (!answer) return send(res, 200, {'Content-Type': 'text/html; charset=utf-8'}, '<!doctype html><title>Landed</title><p>Landed.</p>');
    try {
      send(res, answer.status, answer.headers ?? {}, answer.body ?? '');
    } catch (error) {
      // Node refuses some header values (control characters): say so rather than hang the request.
      if (!res.headersSent) send(res, 500, {'Content-Type': 'text/plain'}, `hostile-answers: ${error.message}`);
    }
  };
}
