import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {readStored, removeStored, writeStored} from '../lib/storage.js';

/**
 * Keeps what a reader types (a comment draft) in storage as they type, so a reload, a crash or a
 * failed submission loses nothing. Writes are debounced, and flushed when the page is hidden or
 * the element leaves it; the draft is removed only by {@link clear}, after the server accepted it.
 */
export class DraftController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: {key: string; value: string} | undefined;

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

  /** The saved draft, or an empty string. */
  restore(): string {
    return readStored(this.key()) ?? '';
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

  /** Forgets the draft (after the server accepted it). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    removeStored(this.key());
  }
}
