import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {KEEP_DAYS, readRecord, removeStored, writeRecord} from '../lib/storage.js';

/** The name, email and website a reader asked the comment form to remember. */
export interface CommentIdentity {
  author: string;
  email: string;
  url: string;
}

const IDENTITY_KEY = 'care-comment-form:identity';

/**
 * How long a remembered identity is kept after its last change: the lifetime WordPress gives its
 * comment cookies (`comment_cookie_lifetime`, 30,000,000 seconds, about 347 days).
 */
export const IDENTITY_DAYS = 30_000_000 / 86_400;

/** What {@link DraftController} works with. */
export interface DraftOptions {
  /** The key of the draft now: it changes with the post, and the comment replied to. */
  key: () => string;
  /** Days a draft is kept after its last change (default 30); 0 keeps it for this page only. */
  keepDays?: () => number;
  /** The comment box's text, as the form holds it. */
  box: {get: () => string; set: (text: string) => void};
  /** How long typing may pause before the draft is written (default 300 ms). */
  delayMs?: number;
  /** True while the host hydrates server-rendered DOM, which shows no draft: it is restored in the next update. */
  hydrating?: () => boolean;
}

/**
 * Keeps what a reader types in storage as they type: the comment draft, so a reload, a crash or a
 * failed submission loses nothing, and the name, email and website the reader asked to have
 * remembered. Draft writes are debounced, and flushed when the page is hidden or the element
 * leaves it; the draft is removed by {@link forget} after the server accepted it, by
 * {@link discard}, or when it was last changed more than `keepDays` days ago (default 30; 0, or
 * anything but a positive number, keeps it in memory for this page only).
 */
export class DraftController implements ReactiveController {
  /**
   * Whether the box holds a draft restored from storage (a reader may not be the one who wrote
   * it, on a shared computer): true from {@link hostUpdate} finding one until it is sent and accepted,
   * emptied or discarded.
   */
  restored = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: {key: string; value: string} | undefined;
  private lastKey: string | undefined;
  private readonly key: () => string;
  private readonly keepDays: () => number;
  private readonly box: DraftOptions['box'];
  private readonly delayMs: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DraftOptions,
  ) {
    this.key = options.key;
    this.keepDays = options.keepDays ?? (() => KEEP_DAYS);
    this.box = options.box;
    this.delayMs = options.delayMs ?? 300;
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

  /** The draft saved under `key` (a bare string from an older version reads too), or ''. */
  private read(key: string): string {
    const saved = readRecord(key, this.keepDays(), String);
    return typeof saved === 'string' ? saved : '';
  }

  /**
   * Follows the key before each render (the post, or the comment replied to, may have changed).
   * First: a comment already in the box (typed into the page's own form) becomes the draft;
   * else the saved draft, if any, is restored. Then, on a change: a key with a saved draft brings
   * that draft into the box; otherwise what the box holds moves to the new key (a reply started
   * or cancelled keeps what was typed, as WordPress's form does).
   */
  hostUpdate(): void {
    if (this.options.hydrating?.()) return;
    const key = this.key();
    if (key === this.lastKey) return;
    const previous = this.lastKey;
    this.lastKey = key;
    this.flush();
    const text = this.box.get();
    const saved = previous === undefined && text ? '' : this.read(key);
    if (saved) {
      this.restored = true;
      this.box.set(saved);
    } else if (text) {
      if (previous !== undefined) removeStored(previous);
      writeRecord(key, text, this.keepDays());
    }
  }

  /** Saves soon; an empty value removes the draft. */
  save(value: string): void {
    if (!value) this.restored = false;
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
    if (pending.value) writeRecord(pending.key, pending.value, this.keepDays());
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
    this.restored = false;
    if (this.read(key) === text) removeStored(key);
  }

  /** Empties the box and removes the draft of the current key now, the reader's choice ("Discard draft"). */
  discard(): void {
    this.box.set('');
    this.save('');
    this.flush();
    this.host.requestUpdate();
  }

  /** The name, email and website the reader asked to have remembered, if they did (and not too long ago). */
  get identity(): CommentIdentity | undefined {
    const stored = readRecord(IDENTITY_KEY, IDENTITY_DAYS) as Partial<Record<keyof CommentIdentity, unknown>> | undefined;
    if (!stored || typeof stored !== 'object') return undefined;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {author: text(stored.author), email: text(stored.email), url: text(stored.url)};
  }

  /** Remembers the identity (the reader ticked "Save my name, email, and website"), or forgets it (null). */
  rememberIdentity(identity: CommentIdentity | null): void {
    if (identity) writeRecord(IDENTITY_KEY, identity, IDENTITY_DAYS);
    else removeStored(IDENTITY_KEY);
  }
}
