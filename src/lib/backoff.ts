/**
 * Waiting between retries: exponential backoff with full jitter, and the `Retry-After` header.
 * Plain functions, no DOM.
 */

/** Options of {@link backoffDelay}. */
export interface BackoffOptions {
  /** The ceiling of the first wait, in ms (default 400). */
  baseMs?: number;
  /** The largest wait, in ms (default 5000). */
  capMs?: number;
  /** A source of numbers in [0, 1) (default `Math.random`); tests pass a fixed one. */
  random?: () => number;
}

/**
 * How long to wait, in whole ms, before the retry that follows failed attempt number `attempt`
 * (1 for the first attempt). "Full jitter": a uniform pick in
 * `[0, min(capMs, baseMs * 2 ** (attempt - 1)))`, which spreads the retries of many clients
 * hit by one outage instead of bunching them (AWS Architecture Blog, "Exponential Backoff And
 * Jitter", 2015). Attempts below 1 count as 1.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const baseMs = opts.baseMs ?? 400;
  const capMs = opts.capMs ?? 5000;
  const random = opts.random ?? Math.random;
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // The exponent is capped so that a huge attempt count cannot make 0 * Infinity = NaN (baseMs 0).
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(0, Math.floor(r * ceiling));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7):
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994". Parsed by hand because Date.parse is lenient and differs
// between engines (V8 reads "foo 12" as a date).
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | undefined {
  const mon = MONTHS.indexOf(month.toLowerCase());
  if (mon < 0 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return undefined;
  return Date.UTC(year, mon, day, h, m, s);
}

function parseHttpDate(value: string, now: number): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) return utc(+match[3], match[2], +match[1], +match[4], +match[5], +match[6]);
  match = RFC850_DATE.exec(value);
  if (match) {
    // RFC 9110: a two-digit year more than 50 years in the future means the past century.
    const currentYear = new Date(now).getUTCFullYear();
    let year = 2000 + +match[3];
    if (year > currentYear + 50) year -= 100;
    return utc(year, match[2], +match[1], +match[4], +match[5], +match[6]);
  }
  match = ASCTIME_DATE.exec(value);
  if (match) return utc(+match[6], match[1], +match[2].trim(), +match[3], +match[4], +match[5]);
  return undefined;
}

/**
 * Reads a `Retry-After` header value into a wait in ms: delay-seconds (`"120"`) or an
 * HTTP-date relative to `now` (default `Date.now()`). A negative number or a date in the past
 * gives 0; a missing, empty or unreadable value gives `undefined`.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (!text) return undefined;
  // RFC 9110 allows only digits; a sign or a fraction is read too rather than thrown away.
  if (/^[+-]?\d+(?:\.\d+)?$/.test(text)) return Math.max(0, Math.round(Number(text) * 1000));
  const date = parseHttpDate(text, now);
  if (date === undefined || Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
