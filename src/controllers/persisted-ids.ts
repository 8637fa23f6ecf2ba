import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {KEEP_DAYS, inMemory, readRecord, removeStored, storageChanged, writeRecord} from '../lib/storage.js';

/** The connected controllers, so that elements sharing a key in one document stay in step. */
const connected = new Set<PersistedIdsController>();

/**
 * The ids of the items a reader checked, kept in localStorage under a key the host chooses (or in
 * memory when the key is null or storage is unavailable) for `keepDays` days after the last change
 * (0, or anything but a positive number: in memory for this page only); an expired set is removed
 * when it is read. Stored by id, so when the list changes the checked ids that still match stay.
 * A change is applied to the stored set as it is now, so elements that share a key (two lists on
 * one page) never erase each other's; elements of this document are told at once, other tabs
 * through the `storage` event.
 */
export class PersistedIdsController implements ReactiveController {
  /**
   * One `storage` listener for the page, added when the first stored set is read: in Chromium,
   * adding it opens the page's localStorage at once (a synchronous call to the browser process),
   * which would otherwise fall in the task that runs the bundle and upgrades the page's elements.
   */
  private static listening = false;

  /** Another tab changed localStorage: the sets it touched are read again (ids kept for this page only are no other tab's business). */
  private static onStorage = (event: StorageEvent): void => {
    const touched = [...connected].filter((c) => c.key && (event.key === null || event.key === c.key) && c.keepDays() > 0);
    // Its value is newer than a copy kept in memory here.
    if (touched.length) storageChanged(event.key);
    for (const controller of touched) controller.reload();
  };

  /** The checked ids. Treat as read-only; change them with `set` and `clear`. */
  ids: ReadonlySet<string> = new Set();
  /** Whether the last change forgot checked ids that were kept on this device (`clear`); false again after `set`. */
  forgotten = false;
  private key: string | null | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly storageKey: () => string | null,
    private readonly keepDays: () => number = () => KEEP_DAYS,
    /** True while the host hydrates server-rendered DOM, which shows nothing checked: the stored ids wait for the next update. */
    private readonly hydrating: () => boolean = () => false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    this.key = undefined;
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  hostUpdate(): void {
    if (this.hydrating()) return;
    const key = this.storageKey();
    if (key !== this.key) {
      this.key = key;
      this.load();
    }
  }

  /** The checked ids among `items`, in their order: ids no longer listed stay checked but are not counted. */
  among(items: readonly {id: string}[]): string[] {
    return items.filter((item) => this.ids.has(item.id)).map((item) => item.id);
  }

  /** Whether some of `items` are checked and kept on this device (in localStorage, not only in memory). */
  keptAmong(items: readonly {id: string}[]): boolean {
    return this.onDevice && this.among(items).length > 0;
  }

  private get onDevice(): boolean {
    return !!this.key && !inMemory(this.key);
  }

  /** Checks or unchecks one id and stores the set. */
  set(id: string, checked: boolean): void {
    this.forgotten = false;
    this.change((ids) => (checked ? ids.add(id) : ids.delete(id)));
  }

  /** Unchecks `ids` (by default every id this element holds) and stores what is left. */
  clear(ids: Iterable<string> = this.ids): void {
    const gone = [...ids];
    this.forgotten = this.onDevice && gone.some((id) => this.ids.has(id));
    this.change((current) => gone.forEach((id) => current.delete(id)));
  }

  /** Applies `edit` to the set as stored now (another element or tab may have changed it), then stores it. */
  private change(edit: (ids: Set<string>) => void): void {
    const next = new Set(this.key ? this.read() : this.ids);
    edit(next);
    this.ids = next;
    if (this.key) {
      if (next.size) writeRecord(this.key, [...next], this.keepDays());
      else removeStored(this.key);
      for (const peer of connected) if (peer !== this && peer.key === this.key) peer.reload();
    }
    this.host.requestUpdate();
  }

  private read(): Set<string> {
    const stored = readRecord(this.key!, this.keepDays());
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  }

  private load(): void {
    if (!this.key) return;
    if (!PersistedIdsController.listening) {
      PersistedIdsController.listening = true;
      window.addEventListener('storage', PersistedIdsController.onStorage);
    }
    this.ids = this.read();
  }

  private reload(): void {
    this.load();
    this.host.requestUpdate();
  }
}

/** The default storage key of an element on this page: its tag and the page path. */
export function defaultStorageKey(tag: string): string {
  return `${tag}:${location.pathname}`;
}
