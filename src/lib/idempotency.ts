/**
 * Idempotency keys: one per submission, sent as `Idempotency-Key` so that a server can tell a
 * retry from a new request (IETF draft "The Idempotency-Key HTTP Header Field").
 */

/**
 * A new random key in UUID version 4 form (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`).
 * Built from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also exists on pages
 * served over plain http (randomUUID needs a secure context:
 * https://developer.mozilla.org/docs/Web/API/Crypto/randomUUID).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx (RFC 9562)
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
