/**
 * The answers remembered by `Idempotency-Key`, so that a retry gets the first answer again. They
 * are kept for a while (a client retries within minutes; a day is generous) and then forgotten, in
 * memory at once and on disk by compaction, so neither grows without bound.
 */

/** How long an answer is replayed: a day, far beyond any client's retries. */
const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotentAnswers {
  #file;
  #ttlMs;
  #now;
  /**
   * By route and key, oldest first: every entry lives as long as the others, so the expired ones
   * are always at the front, and forgetting them costs only their own number.
   *
   * @type {Map<string, {route: string, key: string, answer: object, at: number}>}
   */
  #entries = new Map();
  /** Lines in the file: the live entries plus the expired and superseded ones not yet compacted. */
  #lines = 0;

  /**
   * @param {object} options
   * @param {{append(value: object): Promise<void>, rewrite(values: object[]): Promise<void>}} options.file
   * @param {number} [options.ttlMs]
   * @param {() => number} [options.now]
   */
  constructor({file, ttlMs = DEFAULT_IDEMPOTENCY_TTL_MS, now = Date.now}) {
    this.#file = file;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** How many answers can be replayed now. */
  get size() {
    this.#forgetExpired();
    return this.#entries.size;
  }

  /** Takes the file's lines at start, and rewrites the file without the expired ones, if any. */
  async load(lines) {
    for (const {route, key, answer, at} of lines) {
      if (typeof route !== 'string' || typeof key !== 'string' || typeof answer !== 'object' || answer === null) continue;
      this.#lines += 1;
      this.#put({route, key, answer, at: Date.parse(at)});
    }
    this.#forgetExpired();
    if (this.#lines > this.#entries.size) await this.#compact();
  }

  /** The answer first given to `key` on `route`, while it has not expired; else undefined. */
  find(route, key) {
    const entry = this.#entries.get(id(route, key));
    return entry && this.#isLive(entry) ? entry.answer : undefined;
  }

  /**
   * Remembers an answer (on disk before it counts). Compacts when the file holds more dead lines
   * than live ones: a file at most twice its live size, for a rewrite's cost spread over as many
   * appends as the entries it keeps.
   */
  async remember(route, key, answer) {
    const entry = {route, key, answer, at: this.#now()};
    await this.#file.append(toLine(entry));
    this.#lines += 1;
    this.#put(entry);
    this.#forgetExpired();
    if (this.#lines - this.#entries.size > this.#entries.size) await this.#compact();
  }

  /** Inserts at the back, so the map stays in order of time even when a key is stored again. */
  #put(entry) {
    const name = id(entry.route, entry.key);
    this.#entries.delete(name);
    this.#entries.set(name, entry);
  }

  #isLive(entry) {
    // An unreadable time (NaN) counts as expired.
    return this.#now() - entry.at < this.#ttlMs;
  }

  #forgetExpired() {
    for (const [name, entry] of this.#entries) {
      if (this.#isLive(entry)) break;
      this.#entries.delete(name);
    }
  }

  async #compact() {
    const live = [...this.#entries.values()].map(toLine);
    await this.#file.rewrite(live);
    this.#lines = live.length;
  }
}

/** An entry as the file holds it: the time as ISO text, for a reader of the file. */
function toLine({route, key, answer, at}) {
  return {route, key, answer, at: new Date(at).toISOString()};
}

function id(route, key) {
  return `${route}\n${key}`;
}
