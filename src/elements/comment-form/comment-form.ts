import {html, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {DraftController} from '../../controllers/draft.js';
import {FormController, type FieldSpec} from '../../controllers/form.js';
import type {Outcome} from '../../lib/outcome.js';
import type {Protocol} from '../../lib/protocols.js';
import {utf8Length} from '../../lib/text.js';
import {formStyles} from '../../styles/form.js';
import {shared, tokens} from '../../styles/tokens.js';
import {emit, type CareCancelReplyDetail} from '../../events.js';
import {renderError, renderHoneypot, renderLabel, renderStatus} from '../form-parts.js';
import {CareElement} from '../care-element.js';
import {renderHeading} from '../shared.js';
import {styles} from './comment-form.styles.js';

/** WordPress's column limits (wp_get_comment_fields_max_lengths), in UTF-8 bytes. */
const MAX = {comment: 65525, author: 245, email: 100, url: 200} as const;
type Field = keyof typeof MAX;

/** Each field's name in the server's answers, per protocol family. */
const SERVER_NAMES: Record<Field, readonly string[]> = {
  comment: ['content', 'comment'],
  author: ['author_name', 'author', 'name'],
  email: ['author_email', 'email'],
  url: ['author_url', 'url'],
};

/** Codes of "log in to comment": WordPress REST's, and the classic handler's (see lib/outcome.ts). */
const LOGIN_CODES = new Set(['rest_comment_login_required', 'not_logged_in']);

/**
 * The "Leave a Reply" form: a drop-in for WordPress's comment form that posts to WordPress (REST
 * or the classic `wp-comments-post.php`) or any endpoint. The comment is saved on the device as
 * it is typed, for `keep-days` days after the last change (30 by default), and cleared once the
 * server accepted it; a restored draft shows "Discard draft". Name, email and website are
 * remembered only while the reader ticks the box, for as long as WordPress keeps its comment
 * cookies (30,000,000 seconds, about 347 days, after the last change).
 *
 * @tagname care-comment-form
 * @summary WordPress-compatible comment form.
 * @csspart form - The `form`.
 * @csspart heading-row - The row of the heading and "Cancel reply".
 * @csspart heading - The "Leave a Reply" heading.
 * @csspart cancel-reply - The "Cancel reply" control (with `parent-id`).
 * @csspart notes - "Your email address will not be published…".
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart input - The name, email and website inputs.
 * @csspart textarea - The comment box.
 * @csspart draft-notice - "Restored your unsent comment from this device.", under the comment box after a draft was restored.
 * @csspart discard-draft - The "Discard draft" button in the draft notice.
 * @csspart counter - The characters-left count, shown near a limit.
 * @csspart choice - The remember-me row.
 * @csspart checkbox - The remember-me checkbox.
 * @csspart error - A field's error message.
 * @csspart submit - The "Post Comment" button.
 * @csspart status - The live region with progress, errors and the result.
 * @cssprop --care-color-accent - Button and focus accent.
 * @cssprop --care-input-background - Background of inputs.
 * @fires care-submit - Cancelable, before sending; `detail: {data, action, protocol}`.
 * @fires care-success - The server accepted the comment; `detail: {pending, response, link}`.
 * @fires care-error - Sending failed or was refused; `detail: {source: 'submit', message, url, outcome}`.
 * @fires care-cancel-reply - The reader cancelled the reply; `detail: {parentId}` (the comment that was replied to); the `parentId` property becomes `''`.
 */
export class CareCommentForm extends CareElement {
  static override styles = [tokens, shared, formStyles, styles];

  private readonly draft = new DraftController(
    this,
    () => `care-comment-form:draft:${this.post || location.pathname}:${this.parent}`,
    () => this.keepDays,
  );
  private readonly form = new FormController(this, {
    defaultProtocol: 'wordpress',
    lightProtocol: 'wordpress-classic',
    strings: () => this.locale.strings,
    fields: () =>
      (Object.keys(MAX) as Field[]).map(
        (name): FieldSpec => ({name, max: MAX[name], measure: utf8Length, serverNames: SERVER_NAMES[name], control: () => this.renderRoot?.querySelector<HTMLInputElement>(`#${name}`)}),
      ),
  });

  @state() private _values: Record<Field, string> = {comment: '', author: '', email: '', url: ''};
  @state() private _remember = false;
  /** A message of the form's own for the status region ("Draft discarded."), until the reader types or sends. */
  @state() private _note = '';

  /** The endpoint: WordPress's `/wp-json/wp/v2/comments`, its `wp-comments-post.php`, or any URL. */
  @property() action: string | null = null;

  /**
   * `wordpress` (REST; the default), `wordpress-classic` (same origin only; the default with a
   * light-DOM form's action), `json` or `form`.
   */
  @property() protocol?: Protocol;

  /** The WordPress post id the comment belongs to; else the light-DOM form's `comment_post_ID`. */
  @property({attribute: 'post-id'}) postId: string | null = null;

  /** The id of the comment this one replies to (shows "Cancel reply"); else the light-DOM form's `comment_parent`. */
  @property({attribute: 'parent-id'}) parentId: string | null = null;

  /** The name of the author replied to, for the heading "Leave a Reply to …". */
  @property({attribute: 'reply-to'}) replyTo = '';

  /**
   * A WordPress REST nonce (`wp_create_nonce('wp_rest')`), sent as `X-WP-Nonce` for logged-in
   * readers. Named `wp-nonce`, not `nonce`: browsers hide a `nonce` attribute's value from
   * scripts (CSP nonce hiding) and `nonce` is already a property of every HTML element.
   */
  @property({attribute: 'wp-nonce'}) wpNonce = '';

  /** The heading text; an empty string shows no heading. */
  @property() heading?: string;

  /**
   * Days the comment draft is kept on this device after its last change (default 30); `0` keeps
   * it for this page only, writing nothing to localStorage.
   */
  @property({attribute: 'keep-days', type: Number}) keepDays = 30;

  /** The heading level (1 to 6; default 3, as WordPress themes use). */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 3;

  /** The post id in use. */
  private get post(): string {
    return this.postId ?? this.form.lightValue('comment_post_ID');
  }

  /** The parent comment id in use, or 0. */
  private get parent(): number {
    return Number(this.parentId ?? this.form.lightValue('comment_parent')) || 0;
  }

  override willUpdate(): void {
    if (!this.hasUpdated) {
      // Name, email and website come back only if the reader asked to be remembered.
      const identity = this.draft.identity;
      if (identity) {
        this._remember = true;
        this._values = {...this._values, ...identity};
      }
    }
    // The draft of this post and parent (restored, or what is typed, carried to a new key).
    const comment = this.draft.sync(this._values.comment);
    if (comment !== this._values.comment) this._values = {...this._values, comment};
    if (!this.hasUpdated) {
      // What a reader typed into the page's own form before the element took over wins.
      for (const name of Object.keys(MAX) as Field[]) {
        const typed = this.form.lightValue(name);
        if (typed) this.typeInto(name, typed);
      }
      // The page's form held a comment: that is in the box, not the restored draft.
      if (this.form.lightValue('comment')) this.draft.restored = false;
    }
  }

  private typeInto(name: Field, value: string): void {
    this._note = '';
    this._values = {...this._values, [name]: value};
    if (name === 'comment') this.draft.save(value);
    else if (this._remember) this.rememberIdentity();
    if (this.form.errorFor(name)) this.form.checkField(name);
  }

  private rememberIdentity(): void {
    const {author, email, url} = this._values;
    this.draft.rememberIdentity({author, email, url});
  }

  private toggleRemember(on: boolean): void {
    this._remember = on;
    if (on) this.rememberIdentity();
    else this.draft.rememberIdentity(null);
  }

  /** "Discard draft": empties the box and the stored draft, says so in the status region, and returns to the box. */
  private discardDraft(): void {
    this.draft.discard();
    this._values = {...this._values, comment: ''};
    this._note = this.t.commentDraftDiscarded;
    this.focusComment();
  }

  private focusComment(): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#comment')?.focus());
  }

  private payload(): Record<string, string | number | undefined> {
    const {comment, author, email, url} = this._values;
    const post = Number(this.post) || 0;
    const {parent} = this;
    switch (this.form.protocol) {
      case 'wordpress':
        return {post, parent, author_name: author.trim(), author_email: email.trim(), author_url: url.trim() || undefined, content: comment};
      case 'wordpress-classic':
        return {comment, author: author.trim(), email: email.trim(), url: url.trim(), comment_post_ID: post, comment_parent: parent};
      default:
        return {post: this.post || undefined, parent, name: author.trim(), email: email.trim(), url: url.trim() || undefined, comment};
    }
  }

  private async sendComment(event: Event): Promise<void> {
    event.preventDefault();
    this._note = '';
    this.draft.flush();
    // What is sent, and under which key its draft is saved: the box stays editable while sending.
    const sent = {key: this.draft.currentKey, comment: this._values.comment};
    const outcome = await this.form.send(this.payload(), {nonce: this.wpNonce || undefined});
    if (outcome) this.showOutcome(outcome, sent);
  }

  private showOutcome(outcome: Outcome, sent: {key: string; comment: string}): void {
    const t = this.t;
    switch (outcome.kind) {
      case 'accepted':
      case 'pending': {
        // Only the text the server accepted is forgotten; an edit made while sending stays.
        this.draft.forget(sent.key, sent.comment);
        const unchanged = this._values.comment === sent.comment;
        if (unchanged) this.draft.forget(this.draft.currentKey, sent.comment);
        const comment = unchanged ? '' : this._values.comment;
        this._values = this._remember ? {...this._values, comment} : {comment, author: '', email: '', url: ''};
        return this.form.succeed(outcome, outcome.kind === 'pending', outcome.data?.link);
      }
      case 'field-errors':
        return this.form.failFields(outcome, t.commentRejected);
      case 'duplicate':
        return this.form.fail(t.commentDuplicate, outcome);
      case 'too-fast':
        return this.form.fail(t.commentFlood, outcome);
      case 'rejected':
        // By code first: WordPress answers 403 for more than logins (comments closed, a draft post).
        return this.form.fail(
          LOGIN_CODES.has(outcome.code) || (outcome.status === 401 && !outcome.message) ? t.commentLoginRequired : outcome.message || t.commentRejected,
          outcome,
        );
      case 'failure':
        if (outcome.reason === 'aborted') return;
        return this.form.fail(outcome.reason === 'bad-response' ? `${this.form.failureMessage(outcome)} ${t.commentKept}` : t.commentKept, outcome);
    }
  }

  private cancelReply(): void {
    // What was typed stays in the box and becomes the post's draft (DraftController.sync).
    const parentId = String(this.parent);
    this.parentId = '';
    this.replyTo = '';
    emit<CareCancelReplyDetail>(this, 'care-cancel-reply', {parentId});
    this.focusComment();
  }

  /** The counter, shown in the last tenth of a field's limit (counted in UTF-8 bytes, as WordPress counts). */
  private renderCounter(name: Field, left: number) {
    return html`<p part="counter" id=${`${name}-counter`} ?data-over=${left < 0}>${this.t.charactersLeft(left)}</p>`;
  }

  private renderField(name: Field, label: string, required: boolean, type = 'text', autocomplete = '') {
    const error = this.form.errorFor(name);
    const left = MAX[name] - utf8Length(this._values[name]);
    const near = left <= MAX[name] / 10;
    const restored = name === 'comment' && this.draft.restored;
    const common = {
      invalid: error ? 'true' : 'false',
      describedby: [`${name}-error`, name === 'email' ? 'email-notes' : '', near ? `${name}-counter` : '', restored ? 'draft-notice' : ''].filter(Boolean).join(' '),
    };
    const onInput = (e: Event) => this.typeInto(name, (e.target as HTMLInputElement).value);
    return html`<div part="field">
      ${renderLabel(name, label, required)}
      ${name === 'comment'
        ? html`<textarea part="textarea" id="comment" name="comment" rows="8" ?required=${required}
            aria-invalid=${common.invalid} aria-describedby=${common.describedby}
            .value=${live(this._values.comment)} @input=${onInput} @blur=${() => this.form.checkField(name)}></textarea>`
        : html`<input part="input" id=${name} name=${name} type=${type} autocomplete=${autocomplete} ?required=${required}
            aria-invalid=${common.invalid} aria-describedby=${common.describedby}
            .value=${live(this._values[name])} @input=${onInput} @blur=${() => this.form.checkField(name)} />`}
      ${restored
        ? html`<p part="draft-notice" class="notice"><span id="draft-notice">${this.t.commentDraftRestored}</span>
            <button part="discard-draft" class="quiet" type="button" @click=${this.discardDraft}>${this.t.commentDiscardDraft}</button></p>`
        : nothing}
      ${near ? this.renderCounter(name, left) : nothing} ${renderError(this.form, name)}
    </div>`;
  }

  /** The heading's text; empty for none. */
  private get headingText(): string {
    const t = this.t;
    return this.heading ?? (this.parent && this.replyTo ? t.commentReplyHeading(this.replyTo) : t.commentHeading);
  }

  /** The heading and, for a reply, "Cancel reply", which stays when the heading is left out. */
  private renderHeader() {
    const text = this.headingText;
    if (!text && !this.parent) return nothing;
    return html`<div part="heading-row">${text ? renderHeading(this.headingLevel, text) : nothing}${this.parent
        ? html`<button part="cancel-reply" type="button" @click=${this.cancelReply}>${this.t.commentCancelReply}</button>`
        : nothing}</div>`;
  }

  private renderResult(outcome: Outcome, link: string | undefined) {
    const t = this.t;
    return html`${outcome.kind === 'pending' ? t.commentPending : t.commentPublished}
    ${outcome.kind === 'accepted' && link ? html` <a href=${link}>${t.commentViewLink}</a>` : nothing}`;
  }

  override render() {
    const t = this.t;
    const status = this.form.status;
    const sending = status.kind === 'sending';
    return html`<form part="form" id="commentform" novalidate aria-labelledby=${this.headingText ? 'heading' : nothing}
        aria-busy=${sending ? 'true' : 'false'} @submit=${this.sendComment}>
      ${this.renderHeader()}
      <p part="notes"><span id="email-notes">${t.commentNotes}</span> ${t.commentRequiredNote} <span class="required" aria-hidden="true">*</span></p>
      ${this.renderField('comment', t.commentComment, true)}
      ${this.renderField('author', t.commentName, true, 'text', 'name')}
      ${this.renderField('email', t.commentEmail, true, 'email', 'email')}
      ${this.renderField('url', t.commentWebsite, false, 'url', 'url')}
      <div part="choice" class="check">
        <input part="checkbox" id="remember" name="wp-comment-cookies-consent" type="checkbox" .checked=${this._remember}
          @change=${(e: Event) => this.toggleRemember((e.target as HTMLInputElement).checked)} />
        <label part="label" for="remember">${t.commentRemember}</label>
      </div>
      ${renderHoneypot()}
      <button part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${status.kind === 'error' ? t.retry : t.commentSubmit}</button>
      ${renderStatus(status, t, status.kind === 'success' ? this.renderResult(status.outcome, status.link) : nothing, this._note)}
    </form>`;
  }
}
