/** The absolute URL if it is http(s), else undefined: only such links are ever rendered. */
export function safeHttpUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The length of a string in UTF-8 bytes, as WordPress measures its comment fields
 * (`mb_strlen($value, '8bit')`): an accented letter counts 2, an emoji 4.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The length of a string in characters (code points), as a reader counts and a REST schema's `maxLength` does. */
export function charLength(text: string): number {
  let n = 0;
  for (const _char of text) n++;
  return n;
}

/**
 * A length limit told in characters, whatever unit the server counts in (`measure`, characters
 * by default; UTF-8 bytes for WordPress's comment columns). Positive: about how many more
 * characters like the widest typed so far still fit (exact for plain ASCII text). Negative: how
 * many characters to take off the end so that the text fits, exactly.
 */
export function lengthLeft(text: string, max: number, measure: (value: string) => number = charLength): number {
  const used = measure(text);
  const chars = [...text];
  if (used <= max) {
    const widest = chars.reduce((w, char) => Math.max(w, measure(char)), 1);
    return Math.floor((max - used) / widest);
  }
  let over = used - max;
  let remove = 0;
  while (over > 0 && chars.length) {
    over -= measure(chars.pop()!);
    remove++;
  }
  return -remove;
}

/**
 * Whether WordPress's `is_email()` takes `email` (trimmed first, as WordPress does): what
 * wp-comments-post.php and the REST API accept. Stricter than `type="email"`, which takes
 * `name@example`: the domain needs a dot, and no part of it may start or end with a hyphen.
 */
export function isEmail(email: string): boolean {
  const at = email.indexOf('@', 1);
  const subs = email.slice(at + 1).split('.');
  return (
    email.length > 5 &&
    at > 0 &&
    /^[\w!#$%&'*+/=?^`{|}~.-]+$/.test(email.slice(0, at)) &&
    subs.length > 1 &&
    subs.every((sub) => /^[a-z\d]([a-z\d-]*[a-z\d])?$/i.test(sub))
  );
}
