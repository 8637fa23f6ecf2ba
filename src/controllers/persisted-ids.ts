import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {readStoredJson, removeStored, writeStored} from '../lib/storage.js';

/**
 * A set of ticked item ids, kept in localStorage under a key the host chooses (or in memory when
 * the key is null or storage is unavailable). Stored by id, so when the list changes the ticks
 * that still match stay. Other tabs of the same page stay in step through the `storage` event.
 */
export class PersistedIdsController implements ReactiveController {
  /** The ticked ids. Treat as read-only; change it with `set` and `clear`. */
  ids: ReadonlySet<string> = new Set();
  private key: string | null | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly storageKey: () => string | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('storage', this.onStorage);
    this.key = undefined;
  }

  hostDisconnected(): void {
    window.removeEventListener('storage', this.onStorage);
  }

  hostUpdate(): void {
    const key = this.storageKey();
    if (key !== this.key) {
      this.key = key;
      this.load();
    }
  }

  /** The ticked ids among `items`, in their order: ids no longer listed keep their tick but are not counted. */
  among(items: readonly {id: string}[]): string[] {
    return items.filter((item) => this.ids.has(item.id)).map((item) => item.id);
  }

  /** Ticks or unticks one id and stores the set. */
  set(id: string, ticked: boolean): void {
    const next = new Set(this.ids);
    if (ticked) next.add(id);
    else next.delete(id);
    this.ids = next;
    if (this.key) writeStored(this.key, JSON.stringify([...next]));
    this.host.requestUpdate();
  }

  /** Unticks everything and forgets the stored set. */
  clear(): void {
    this.ids = new Set();
    if (this.key) removeStored(this.key);
    this.host.requestUpdate();
  }

  private load(): void {
    if (!this.key) return;
    const stored = readStoredJson(this.key);
    this.ids = new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  }

  private onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== this.key) return;
    this.load();
    this.host.requestUpdate();
  };
}

/** The default storage key of an element on this page: its tag and the page path. */
export function defaultStorageKey(tag: string): string {
  return `${tag}:${location.pathname}`;
}
