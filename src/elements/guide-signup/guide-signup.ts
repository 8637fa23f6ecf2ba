import {html, nothing} from 'lit';
import {property, query} from 'lit/decorators.js';
import {FormController} from '../../controllers/form.js';
import type {Outcome} from '../../lib/outcome.js';
import {formStyles} from '../../styles/form.js';
import {shared, tokens} from '../../styles/tokens.js';
import {renderError, renderHoneypot, renderLabel, renderStatus} from '../form-parts.js';
import {CareElement} from '../care-element.js';
import {renderHeading} from '../shared.js';
import {styles} from './guide-signup.styles.js';

/**
 * The article's call to action: the free gut health guide, with the optional free 3-day supply
 * of Life Greens. Posts to the site's endpoint (`json` or `form` protocol); "already subscribed"
 * is an ordinary success, so nobody can probe who is on the list.
 *
 * @tagname care-guide-signup
 * @summary The free gut-health guide signup form.
 * @csspart form - The `form`.
 * @csspart heading - The heading.
 * @csspart intro - The paragraph under the heading.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each label.
 * @csspart input - The email and first-name inputs.
 * @csspart choice - The wrapper of each checkbox and its label.
 * @csspart checkbox - The consent and offer checkboxes.
 * @csspart error - A field's error message.
 * @csspart submit - The submit button.
 * @csspart status - The live region with progress, errors and the success message.
 * @csspart download - The guide's download link after success.
 * @cssprop --care-signup-background - Panel background (default: the surface token).
 * @cssprop --care-signup-padding - Panel padding.
 * @cssprop --care-color-accent - Button and focus accent.
 * @fires care-submit - Cancelable, before sending; `detail: {data, action, protocol}`.
 * @fires care-success - The server accepted the signup; `detail: {pending, response, link}`.
 * @fires care-error - Sending failed or was refused; `detail: {source: 'submit', message, url, outcome}`.
 */
export class CareGuideSignup extends CareElement {
  static override styles = [tokens, shared, formStyles, styles];

  private readonly form = new FormController(this, {
    defaultProtocol: 'json',
    lightProtocol: 'form',
    strings: () => this.locale.strings,
    fields: () => [
      {name: 'email', control: () => this.emailInput, max: 100, serverNames: ['email']},
      ...(this.nameField ? [{name: 'first_name', control: () => this.nameInput, max: 245, serverNames: ['first_name', 'name']}] : []),
      {name: 'consent', control: () => this.consentInput, serverNames: ['consent']},
    ],
  });

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#first_name') private nameInput?: HTMLInputElement;
  @query('#consent') private consentInput?: HTMLInputElement;
  @query('#offer') private offerInput?: HTMLInputElement;

  /** The endpoint URL. Without it nothing is sent: only `care-submit` fires, for the page to handle. */
  @property() action: string | null = null;

  /** How the data is encoded: `json` (the default) or `form` (urlencoded; the default with a light-DOM form's action). */
  @property() protocol?: 'json' | 'form';

  /** The guide's download link shown after success; a `guide_url` in the server's answer wins. */
  @property({attribute: 'guide-url'}) guideUrl = '';

  /** Shows the opt-in for the free 3-day supply of Life Greens. */
  @property({type: Boolean, reflect: true}) offer = false;

  /** Shows a first-name field. */
  @property({attribute: 'name-field', type: Boolean, reflect: true}) nameField = false;

  /** Makes the consent checkbox required. */
  @property({attribute: 'consent-required', type: Boolean, reflect: true}) consentRequired = false;

  /** Replaces the consent checkbox's text. */
  @property({attribute: 'consent-text'}) consentText = '';

  /** The heading text; an empty string shows no heading. */
  @property() heading?: string;

  /** The heading level (1 to 6; default 2). */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  override firstUpdated(): void {
    // What a reader typed into the page's own form before the element took over is kept.
    for (const [input, name] of [[this.emailInput, 'email'], [this.nameInput, 'first_name']] as const) {
      const typed = this.form.lightValue(name);
      if (input && typed) input.value = typed;
    }
  }

  private async sendSignup(event: Event): Promise<void> {
    event.preventDefault();
    const data = {
      email: this.emailInput!.value.trim(),
      first_name: this.nameInput?.value.trim() || undefined,
      consent: this.consentInput!.checked,
      offer: this.offerInput?.checked ?? false,
    };
    const outcome = await this.form.send(data);
    if (outcome) this.showOutcome(outcome);
  }

  private showOutcome(outcome: Outcome): void {
    const t = this.t;
    switch (outcome.kind) {
      case 'accepted':
      case 'pending':
      // "Already subscribed" is a success too, so nobody can probe who is on the list.
      case 'duplicate': {
        const data = 'data' in outcome ? outcome.data : null;
        return this.form.succeed(outcome, false, data?.guide_url ?? data?.guideUrl, this.guideUrl);
      }
      case 'field-errors':
        return this.form.failFields(outcome, t.signupRejected);
      case 'too-fast':
        return this.form.fail(t.tooFast, outcome);
      case 'rejected':
        // A 409 Conflict of a list server ("already subscribed") is a success too.
        if (outcome.status === 409) return this.form.succeed(outcome, false, undefined, this.guideUrl);
        return this.form.fail(t.signupRejected, outcome);
      case 'failure':
        if (outcome.reason === 'aborted') return;
        return this.form.fail(this.form.failureMessage(outcome), outcome);
    }
  }

  private renderSuccess(link: string | undefined) {
    return html`<p>${this.t.signupSuccess}</p>
      ${link ? html`<p><a part="download" href=${link} download>${this.t.signupDownload}</a></p>` : nothing}`;
  }

  private renderInput(name: string, label: string, type: string, autocomplete: string, required: boolean) {
    const error = this.form.errorFor(name);
    return html`<div part="field">
      ${renderLabel(name, label, required)}
      <input
        part="input"
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${`${name}-error`}
        @blur=${() => this.form.checkField(name)}
        @input=${() => error && this.form.checkField(name)}
      />
      ${renderError(this.form, name)}
    </div>`;
  }

  override render() {
    const t = this.t;
    const status = this.form.status;
    const sending = status.kind === 'sending';
    const done = status.kind === 'success';
    const heading = this.heading ?? t.signupHeading;
    // One template in every state, so the status region stays the same live node: a region
    // created with its text already in it is not announced. After success only the fields go.
    return html`<form part="form" novalidate aria-labelledby=${heading ? 'heading' : nothing} aria-busy=${sending ? 'true' : 'false'} @submit=${this.sendSignup}>
      ${heading ? renderHeading(this.headingLevel, heading) : nothing}
      ${done ? nothing : this.renderFields(sending, status.kind === 'error')}
      ${renderStatus(status, t, done ? this.renderSuccess(status.link) : nothing)}
    </form>`;
  }

  private renderFields(sending: boolean, failed: boolean) {
    const t = this.t;
    const consentError = this.form.errorFor('consent');
    return html`<p part="intro">${t.signupIntro}</p>
      ${this.renderInput('email', t.signupEmail, 'email', 'email', true)}
      ${this.nameField ? this.renderInput('first_name', t.signupName, 'text', 'given-name', false) : nothing}
      <div part="field">
        <div part="choice" class="check">
          <input part="checkbox" id="consent" name="consent" type="checkbox" ?required=${this.consentRequired}
            aria-invalid=${consentError ? 'true' : 'false'} aria-describedby="consent-error" @change=${() => this.form.checkField('consent')} />
          ${renderLabel('consent', this.consentText || t.signupConsent, this.consentRequired)}
        </div>
        ${renderError(this.form, 'consent')}
      </div>
      ${this.offer
        ? html`<div part="choice" class="check"><input part="checkbox" id="offer" name="offer" type="checkbox" /><label part="label" for="offer">${t.signupOffer}</label></div>`
        : nothing}
      ${renderHoneypot()}
      <button part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${failed ? t.retry : t.signupSubmit}</button>`;
  }
}
