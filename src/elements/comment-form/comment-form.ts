import {html, isServer, nothing} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {DraftController} from '../../controllers/draft.js';
import {FormController, type FieldSpec} from '../../controllers/form.js';
import {commentResult} from '../../lib/form-result.js';
import {commentFields, type Protocol} from '../../lib/protocols.js';
import {lengthLeft, safeHttpUrl, utf8Length} from '../../lib/text.js';
import {formStyles} from '../../styles/form.js';
import {baseStyles, tokens} from '../../styles/tokens.js';
import {emit, type CareCancelReplyDetail} from '../../events.js';
import {renderHoneypot, renderStatus, renderTextField, type TextField} from '../form-parts.js';
import {CareElement} from '../care-element.js';
import {renderHeading} from '../heading.js';
import {checkedState} from '../with-element.js';
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
 * @cssprop --care-input-background - Background of inputs.
 * @slot - The page's own `<form>` (WordPress's `comment_form()`), the no-JavaScript fallback: shown
 *   until the first render, which takes its `action`, `comment_post_ID`, `comment_parent` and anything
 *   typed into it (not rendered as a slot afterwards).
 * @fires {CustomEvent<CareSubmitDetail>} care-submit - Cancelable, before sending; `detail: {data, action, protocol}`.
 * @fires {CustomEvent<CareSuccessDetail>} care-success - The server accepted the comment; `detail: {pending, response, link}`.
 * @fires {CustomEvent<CareErrorDetail>} care-error - Sending failed or was refused (`source: 'submit'`, with the `url`
 *   and `outcome`), or `action` is not a valid URL (`source: 'config'`); `detail: {source, message, url, outcome}`.
 * @fires {CustomEvent<CareCancelReplyDetail>} care-cancel-reply - The reader cancelled the reply; `detail: {parentId}` (the comment that was replied to); the `parentId` property becomes `''`.
 */
export class CareCommentForm extends CareElement {
  static override styles = [tokens, baseStyles, formStyles, styles];

  private readonly form = new FormController(this, {
    defaultProtocol: 'wordpress',
    lightProtocol: 'wordpress-classic',
    strings: () => this.locale.strings,
    result: commentResult,
    nodes: () => ({status: this.statusRegion, honeypot: this.honeypot}),
    fields: () =>
      (Object.keys(MAX) as Field[]).map((name): FieldSpec => ({
        name,
        max: MAX[name],
        measure: utf8Length,
        serverNames: SERVER_NAMES[name],
        control: () => this.renderRoot?.querySelector<HTMLInputElement>(`#${name}`),
      })),
  });

  private readonly draft = new DraftController(this, {
    key: () => `care-comment-form:draft:${this.post || location.pathname}:${this.parent}`,
    keepDays: () => this.keepDays,
    box: {get: () => this.form.text('comment'), set: (text) => this.form.setValue('comment', text)},
    hydrating: () => this.hydrating,
  });

  @query('#status') private statusRegion?: HTMLElement;
  @query('#extra_info') private honeypot?: HTMLInputElement;

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

  /**
   * Where WordPress gives a fresh REST nonce, asked when it refuses `wp-nonce` as stale (a cached
   * page's): `admin-ajax.php?action=rest-nonce`. By default the one beside a `/wp-json/` action;
   * the plugin prints it for sites whose admin lives elsewhere.
   */
  @property({attribute: 'nonce-url'}) nonceUrl = '';

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
    return this.postId ?? this.form.page.typed('comment_post_ID');
  }

  /** Where a fresh nonce can be had: `nonce-url`, else WordPress's admin-ajax beside a `/wp-json/` action. */
  private get nonceEndpoint(): string | undefined {
    const action = this.form.action ?? '';
    const root = action.indexOf('/wp-json/');
    return this.nonceUrl || (root < 0 ? undefined : `${action.slice(0, root)}/wp-admin/admin-ajax.php?action=rest-nonce`);
  }

  /**
   * The theme's "Logged in as …" line when the page's form is WordPress's for a logged-in reader:
   * comment_form() then prints no name or email field, and WordPress files the comment under the
   * account. Then neither does the element ask for them, nor send them.
   */
  private get account(): Element | null | undefined {
    const form = this.form.page.form;
    return form && !form.elements.namedItem('author') && !form.elements.namedItem('email') ? form.querySelector('.logged-in-as') : undefined;
  }

  /** The parent comment id in use, or 0. */
  private get parent(): number {
    return Number(this.parentId ?? this.form.page.typed('comment_parent')) || 0;
  }

  /** Whether the first update in the browser that is not a hydration took over the stored identity and typed values. */
  private started = false;

  override willUpdate(): void {
    // The server knows neither storage nor the page's form; a hydrating render shows what the server did.
    if (this.started || this.hydrating || isServer) return;
    this.started = true;
    // Name, email and website come back only if the reader asked to be remembered; what a reader
    // typed into the page's own form before the element took over wins (the draft controller then
    // keeps a typed comment as the draft instead of restoring one).
    const identity = this.draft.identity;
    if (identity) this._remember = true;
    this.form.values = {...this.form.values, ...identity, ...this.form.takeTyped(Object.keys(MAX))};
  }

  /** Records what the reader typed into a field, and keeps it: the comment as the draft, the rest if remembered. */
  private enter(name: Field, value: string): void {
    this._note = '';
    this.form.setValue(name, value);
    if (name === 'comment') this.draft.save(value);
    else if (this._remember) this.rememberIdentity();
  }

  private rememberIdentity(): void {
    const {form} = this;
    this.draft.rememberIdentity({author: form.text('author'), email: form.text('email'), url: form.text('url')});
  }

  private toggleRemember(on: boolean): void {
    this._remember = on;
    if (on) this.rememberIdentity();
    else this.draft.rememberIdentity(null);
  }

  /** "Discard draft": empties the box and the stored draft, says so in the status region, and returns to the box. */
  private discardDraft(): void {
    this.draft.discard();
    this._note = this.t.commentDraftDiscarded;
    this.focusComment();
  }

  private focusComment(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#comment')?.focus());
  }

  private async sendComment(event: Event): Promise<void> {
    event.preventDefault();
    this._note = '';
    this.draft.flush();
    // What is sent, and under which key its draft is saved: the box stays editable while sending.
    const sent = {key: this.draft.currentKey, comment: this.form.text('comment')};
    const {form} = this;
    // A logged-in reader sends no identity: WordPress takes the account's.
    const [author, email, url] = ['author', 'email', 'url'].map((name) => (this.account === undefined ? form.text(name).trim() : ''));
    const input = {post: this.post, parent: this.parent, comment: sent.comment, author, email, url};
    const result = await form.send(commentFields(form.protocol, input), {nonce: this.wpNonce || undefined, nonceUrl: this.nonceEndpoint});
    if (!result?.ok) return;
    // Only the text the server accepted is forgotten; an edit made while sending stays.
    this.draft.forget(sent.key, sent.comment);
    const unchanged = this.form.text('comment') === sent.comment;
    if (unchanged) this.draft.forget(this.draft.currentKey, sent.comment);
    const comment = unchanged ? '' : this.form.text('comment');
    this.form.setValues(this._remember ? {...this.form.values, comment} : {comment});
  }

  private cancelReply(): void {
    // What was typed stays in the box and becomes the post's draft (DraftController.hostUpdate).
    const parentId = String(this.parent);
    this.parentId = '';
    this.replyTo = '';
    emit<CareCancelReplyDetail>(this, 'care-cancel-reply', {parentId});
    this.focusComment();
  }

  /**
   * A field, with the count near its limit: WordPress counts UTF-8 bytes, the reader is told in
   * characters (`lengthLeft`), how many still fit or how many to take off. The comment box shows
   * "Discard draft" while it holds a draft restored from the device.
   */
  private renderField(name: Field, label: string, required: boolean, type: TextField['type'] = 'text', autocomplete?: TextField['autocomplete']) {
    const value = this.form.text(name);
    const near = MAX[name] - utf8Length(value) <= MAX[name] / 10;
    const left = near ? lengthLeft(value, MAX[name], utf8Length) : 0;
    const restored = name === 'comment' && this.draft.restored;
    return renderTextField(this.form, {
      name,
      label,
      required,
      type,
      autocomplete,
      describedBy: [name === 'email' ? 'email-notes' : '', near ? `${name}-counter` : '', restored ? 'draft-notice' : ''].filter(Boolean),
      onInput: (text) => this.enter(name, text),
      after: html`${
        restored
          ? html`<p part="draft-notice" class="notice"><span id="draft-notice">${this.t.commentDraftRestored}</span>
            <button part="discard-draft" class="quiet" type="button" @click=${this.discardDraft}>${this.t.commentDiscardDraft}</button></p>`
          : nothing
      }${near ? html`<p part="counter" id=${`${name}-counter`} ?data-over=${left < 0}>${this.t.charactersLeft(left)}</p>` : nothing}`,
    });
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
    return html`<div part="heading-row">${text ? renderHeading(this.headingLevel, text) : nothing}${
      this.parent ? html`<button part="cancel-reply" type="button" @click=${this.cancelReply}>${this.t.commentCancelReply}</button>` : nothing
    }</div>`;
  }

  /**
   * The notes: for a logged-in reader the theme's "Logged in as …. Log out?" line, its text and
   * its http(s) links only; for anyone else, WordPress's note on the email and required fields.
   */
  private renderNotes() {
    const t = this.t;
    const account = this.account;
    if (account === undefined) {
      return html`<p part="notes"><span id="email-notes">${t.commentNotes}</span> ${t.commentRequiredNote} <span class="required" aria-hidden="true">*</span></p>`;
    }
    return html`<p part="notes">${[...(account?.childNodes ?? [])].map((node) => {
      if (!(node instanceof HTMLAnchorElement)) return node.textContent;
      const href = safeHttpUrl(node.getAttribute('href'), document.baseURI);
      return href ? html`<a href=${href} aria-label=${node.getAttribute('aria-label') ?? nothing}>${node.textContent}</a>` : node.textContent;
    })}</p>`;
  }

  /** The success line: held for moderation, or published with a link to the comment. */
  private renderResult(message: string, link: string | undefined) {
    return html`${message}${link ? html` <a href=${link}>${this.t.commentViewLink}</a>` : nothing}`;
  }

  override render() {
    const t = this.t;
    const status = this.form.status;
    const sending = status.kind === 'sending';
    return html`<form part="form" id="commentform" novalidate aria-labelledby=${this.headingText ? 'heading' : nothing}
        aria-busy=${sending ? 'true' : 'false'} @submit=${this.sendComment}>
      ${this.renderHeader()}
      ${this.renderNotes()}
      ${this.renderField('comment', t.commentComment, true, 'textarea')}
      ${
        this.account === undefined
          ? html`${this.renderField('author', t.commentName, true, 'text', 'name')}
          ${this.renderField('email', t.commentEmail, true, 'email', 'email')}
          ${this.renderField('url', t.commentWebsite, false, 'url', 'url')}
          <div part="choice" class="check">
            <input part="checkbox" id="remember" name="wp-comment-cookies-consent" type="checkbox" ${checkedState(this._remember)}
              @change=${(e: Event) => this.toggleRemember((e.target as HTMLInputElement).checked)} />
            <label part="label" for="remember">${t.commentRemember}</label>
          </div>`
          : nothing
      }
      ${renderHoneypot()}
      <button part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${status.kind === 'error' ? t.retry : t.commentSubmit}</button>
      ${renderStatus(status, t, status.kind === 'success' ? this.renderResult(status.message, status.link) : nothing, this._note)}
    </form>`;
  }
}
