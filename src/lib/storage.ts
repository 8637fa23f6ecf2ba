/**
 * One wrapper for localStorage that never throws. Where storage is blocked (a sandboxed frame,
 * a privacy mode that throws SecurityError) or full (QuotaExceededError), values live in memory
 * for the life of the page, and one warning says so.
 */
const memory = new Map<string, string>();
let warned = false;

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
