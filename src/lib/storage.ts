/**
 * One wrapper for localStorage that never throws. Where storage is blocked (a sandboxed frame,
 * a privacy mode that throws SecurityError) or full (QuotaExceededError), values live in memory
 * for the life of the page, and one warning says so.
 *
 * What the elements keep about a reader (a comment draft, ticks, a remembered name) is stored as
 * a record: a small versioned envelope with the time of its last write,
 * `{"v":1,"at":<ms since 1970>,"value":...}`, read back only while it is younger than the days
 * its owner keeps it. An expired record is removed when it is read, so a draft does not wait on a
 * shared computer for the next person.
 */
const memory = new Map<string, string>();
let warned = false;

const DAY_MS = 86_400_000;

/** Days a draft, or a list's ticks, are kept after their last change unless `keep-days` says otherwise. */
export const KEEP_DAYS = 30;

function local(): Storage | undefined {
  // Reading `localStorage` itself throws where storage is blocked, hence inside the try of callers.
  return globalThis.localStorage;
}

function fallBack(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn(
    `care-elements: localStorage is not available (${error instanceof Error ? error.name : String(error)}); keeping state in memory for this page only.`,
  );
}

/** The stored string, or null. A value that could not be written to localStorage is read from memory. */
export function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  try {
    return local()?.getItem(key) ?? null;
  } catch (error) {
    fallBack(error);
    return null;
  }
}

/** Stores a string; returns false when it could only be kept in memory. */
export function writeStored(key: string, value: string): boolean {
  try {
    const storage = local();
    if (!storage) throw new Error('no localStorage');
    storage.setItem(key, value);
    memory.delete(key);
    return true;
  } catch (error) {
    fallBack(error);
    memory.set(key, value);
    return false;
  }
}

/** Forgets a key in localStorage and in memory. */
export function removeStored(key: string): void {
  memory.delete(key);
  try {
    local()?.removeItem(key);
  } catch (error) {
    fallBack(error);
  }
}

/** Whether `key` is held in memory only (storage blocked or full, or a record kept for this page only). */
export function inMemory(key: string): boolean {
  return memory.has(key);
}

/**
 * Another tab changed `key` in localStorage (a `storage` event; null: it cleared everything):
 * a copy kept in memory after a failed write is older than that, so it is dropped.
 */
export function storageChanged(key: string | null): void {
  if (key === null) memory.clear();
  else memory.delete(key);
}

/** Parses stored JSON, or returns undefined for a missing or corrupt value (never throws). */
export function readStoredJson(key: string): unknown {
  const raw = readStored(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` as a record written now, kept `days` days after this write. With `days` 0 (or
 * anything but a positive number) nothing is written to localStorage: the record lives in memory
 * for this page only, and a copy left there under another setting is removed. Returns false when
 * it is kept in memory only.
 */
export function writeRecord(key: string, value: unknown, days: number): boolean {
  const raw = JSON.stringify({v: 1, at: Date.now(), value});
  if (days > 0) return writeStored(key, raw);
  removeStored(key);
  memory.set(key, raw);
  return false;
}

/**
 * The value of the record under `key`, or undefined when there is none, it is unreadable, or it
 * was last written more than `days` days ago (then it is removed). With `days` 0 only a record of
 * this page counts: one left in localStorage under another setting has expired.
 *
 * A value stored before records carried a time (a bare draft, ids or identity, which `parse`
 * reads from its text; JSON by default) reads as written now and is rewritten as a record, so no
 * reader loses a draft on upgrade and it expires `days` from now.
 */
export function readRecord(key: string, days: number, parse: (raw: string) => unknown = JSON.parse): unknown {
  const thisPage = !(days > 0);
  if (thisPage && !memory.has(key)) removeStored(key);
  const raw = readStored(key);
  if (raw === null) return undefined;
  try {
    const record = JSON.parse(raw) as {v?: unknown; at?: unknown; value?: unknown} | null;
    if (record?.v === 1 && typeof record.at === 'number') {
      if (thisPage || Date.now() - record.at <= days * DAY_MS) return record.value;
      removeStored(key);
      return undefined;
    }
  } catch {
    // Not JSON: a bare draft, read below.
  }
  try {
    const value = parse(raw);
    writeRecord(key, value, days);
    return value;
  } catch {
    return undefined;
  }
}
