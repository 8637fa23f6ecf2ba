/**
 * Answers as plain values `{status, headers, body}`, so that one can be stored and replayed byte
 * for byte, and the outcomes of a submission, which say whether its answer may be replayed.
 */
/**
 * A submission that was taken (or knowingly ignored, as an address already on the list): a retry
 * with its Idempotency-Key must get this same answer again.
 */
export function accept(answer) {
  return {answer, remember: true};
}

/**
 * A submission that was refused (a field error, a duplicate, a flood) or judged a program's: its
 * answer is not replayed. The reader corrects and sends again with the same key and must get a
 * fresh verdict; and spam must not cost a line on disk.
 */
export function refuse(answer) {
  return {answer, remember: false};
}

export function json(status, value, headers = {}) {
  return {
    status,
    headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers},
    body: JSON.stringify(value),
  };
}

/** WordPress's error shape: `{code, message, data: {status, params?}}`. */
export function jsonError(status, code, message, data = {}, headers = {}) {
  return json(status, {code, message, data: {status, ...data}}, headers);
}

export function invalidParams(params) {
  return jsonError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, {params});
}

export function closedAnswer() {
  return jsonError(503, 'service_unavailable', 'The receiver is closed.');
}

/** The catch-all's answer: a receiver bug, never a designed outcome. */
export function criticalError() {
  return jsonError(500, 'internal_server_error', 'There has been a critical error on this website.');
}

export function htmlHeaders() {
  return {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'};
}

/** wp_die()'s page as wp-comments-post.php calls it (with `back_link`); `messageHtml` is trusted markup. */
export function diePage(status, messageHtml) {
  const body =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Comment Submission Failure</title></head>' +
    `<body id="error-page"><div class="wp-die-message"><p>${messageHtml}</p></div>` +
    `<p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
  return {status, headers: htmlHeaders(), body};
}

/** What WordPress sends for a missing, trashed, draft or password-protected post: nothing. */
export function emptyPage() {
  return {status: 200, headers: htmlHeaders(), body: ''};
}

/** An error in the target's own language: JSON for the REST routes, a wp_die() page for the classic one. */
export function errorAnswer(format, status, code, message, headers = {}) {
  if (format === 'html') {
    const page = diePage(status, escapeHtml(message));
    return {...page, headers: {...page.headers, ...headers}};
  }
  return jsonError(status, code, message, {}, headers);
}

/** Text made safe for HTML text and quoted attributes. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;'})[c]);
}

export function methodNotAllowed(route) {
  const allow = route.methods.join(', ');
  // wp-comments-post.php answers a GET with exactly this: 405, Allow: POST, an empty text/plain.
  if (route.format === 'html') return {status: 405, headers: {Allow: allow, 'Content-Type': 'text/plain', 'Cache-Control': 'no-store'}, body: ''};
  return jsonError(405, 'rest_no_route', 'No route was found matching the URL and request method.', {}, {Allow: allow});
}
