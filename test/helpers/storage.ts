/**
 * localStorage for the tests: storage that throws as a full or blocked one does (on this page, or
 * from the first line of a frame), the records the elements write, and the cleanup after a test.
 */
import {removeStored} from '../../src/lib/storage.js';

type Win = Window & typeof globalThis;

/** Makes `localStorage.setItem` throw QuotaExceededError, as a full storage does. Returns the undo. */
export function installFullStorage(win: Win = window): () => void {
  const proto = win.Storage.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the prototype, never called alone
  const original = proto.setItem;
  proto.setItem = function setItem() {
    throw new win.DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    proto.setItem = original;
  };
}

/** Makes reading `window.localStorage` throw SecurityError, as blocked storage does. Returns the undo. */
export function installBlockedStorage(win: Win = window): () => void {
  const own = Object.getOwnPropertyDescriptor(win, 'localStorage');
  Object.defineProperty(win, 'localStorage', {
    configurable: true,
    get() {
      throw new win.DOMException('blocked', 'SecurityError');
    },
  });
  return () => {
    if (own) Object.defineProperty(win, 'localStorage', own);
    else delete (win as {localStorage?: Storage}).localStorage;
  };
}

/**
 * A classic script that runs one of the installers above in a frame, for `writeFrame({setup})`:
 * the frame's storage throws from its first line, as a real full or blocked storage does. The
 * installers are self-contained (they reach the page only through `win`), so their source runs there.
 */
export function storageSetup(install: (win: Win) => unknown): string {
  return `(${String(install)})(window);`;
}

const DAY_MS = 86_400_000;

/**
 * The value of the record stored under `key` in localStorage, its envelope `{"v":1,"at":...,"value":...}`
 * unwrapped; null when there is none. Anything else stored there comes back as `{notARecord: raw}`,
 * so an assertion on the value shows it.
 */
export function storedValue(key: string): unknown {
  const raw = localStorage.getItem(key);
  if (raw === null) return null;
  try {
    const record = JSON.parse(raw) as {v?: unknown; at?: unknown; value?: unknown} | null;
    if (record?.v === 1 && typeof record.at === 'number' && 'value' in record) return record.value;
  } catch {
    // Not JSON: not a record.
  }
  return {notARecord: raw};
}

/** Writes a record into localStorage directly, as the elements would have written it `daysAgo` days ago. */
export function storeRecordAged(key: string, value: unknown, daysAgo: number): void {
  localStorage.setItem(key, JSON.stringify({v: 1, at: Date.now() - daysAgo * DAY_MS, value}));
}

/** The keys the elements write (by their tag) and the tests write (`test-`). */
const OURS = /^(care-symptom-list|care-cause-list|care-treatment-checklist|care-guide-signup|care-comment-form|test-)/;

/**
 * Removes every key the elements and the tests write, from localStorage and from the storage
 * wrapper's in-memory fallback (which holds what a throwing storage refused, for the life of the page).
 */
export function clearStorage(): void {
  removeStored('care-comment-form:identity');
  for (const key of Object.keys(localStorage)) {
    if (OURS.test(key)) removeStored(key);
  }
}

/**
 * In the calling `describe`: the elements' storage cleared before and after each test, and a
 * throwing storage that a test installs through `throwing()` undone after it (or sooner, by
 * calling the undo `throwing()` returns).
 */
export function storageEachTest(): {throwing(install: () => () => void): () => void} {
  let undo: (() => void) | undefined;
  const undoNow = () => {
    undo?.();
    undo = undefined;
  };
  beforeEach(clearStorage);
  afterEach(() => {
    undoNow();
    clearStorage();
  });
  return {
    throwing(install) {
      undoNow();
      undo = install();
      return undoNow;
    },
  };
}
