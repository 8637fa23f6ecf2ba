import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {readStored, removeStored, writeStored} from '../lib/storage.js';

/**
 * Keeps what a reader types (a comment draft) in storage as they type, so a reload, a crash or a
 * failed submission loses nothing. Writes are debounced, and flushed when the page is hidden or
 * the element leaves it; the draft is removed only by {@link forget}, after the server accepted it.
 */
export class DraftController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: {key: string; value: string} | undefined;
  private lastKey: string | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly key: () => string,
    private readonly delayMs = 300,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
  }

  hostDisconnected(): void {
    this.flush();
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
  }

  /**
   * The text the box should hold after the key (e.g. the post or the parent replied to) may have
   * changed: unchanged key, `text` itself; a key with a saved draft, that draft; otherwise `text`,
   * whose draft moves to the new key (a reply cancelled, or started, keeps what was typed, as
   * WordPress's form does). The first call restores the saved draft, if any.
   */
  sync(text: string): string {
    const key = this.key();
    if (key === this.lastKey) return text;
    const previous = this.lastKey;
    this.lastKey = key;
    this.flush();
    const saved = readStored(key);
    if (saved) return saved;
    if (previous === undefined) return '';
    if (text) {
      removeStored(previous);
      writeStored(key, text);
    }
    return text;
  }

  /** Saves soon; an empty value removes the draft. */
  save(value: string): void {
    this.pending = {key: this.key(), value};
    clearTimeout(this.timer);
    this.timer = setTimeout(this.flush, this.delayMs);
  }

  /** Writes a pending save now. */
  flush = (): void => {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    if (pending.value) writeStored(pending.key, pending.value);
    else removeStored(pending.key);
  };

  /** The key a draft is saved under now. */
  get currentKey(): string {
    return this.key();
  }

  /**
   * Forgets the draft saved under `key` if it still is `text` (what the server accepted), so an
   * edit made while the text was being sent is kept.
   */
  forget(key: string, text: string): void {
    this.flush();
    if (readStored(key) === text) removeStored(key);
  }
}
