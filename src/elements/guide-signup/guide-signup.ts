import {html, nothing} from 'lit';
import {property, query} from 'lit/decorators.js';
import {FormController} from '../../controllers/form.js';
import {signupResult} from '../../lib/form-result.js';
import {formStyles} from '../../styles/form.js';
import {baseStyles, tokens} from '../../styles/tokens.js';
import {renderError, renderHoneypot, renderLabel, renderStatus, renderTextField} from '../form-parts.js';
import {CareElement} from '../care-element.js';
import {renderHeading} from '../heading.js';
import {checkedState} from '../with-element.js';
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
 * @cssprop --care-signup-padding - Panel padding (default 1.5rem, down to 5vw on a narrow screen).
 * @slot - The page's own `<form action>`, the no-JavaScript fallback: shown until the first render,
 *   which takes its `action` (the protocol becomes `form`) and anything typed into it (not rendered
 *   as a slot afterwards).
 * @fires {CustomEvent<CareSubmitDetail>} care-submit - Cancelable, before sending; `detail: {data, action, protocol}`.
 * @fires {CustomEvent<CareSuccessDetail>} care-success - The server accepted the signup; `detail: {pending, response, link}`.
 * @fires {CustomEvent<CareErrorDetail>} care-error - Sending failed or was refused (`source: 'submit'`, with the `url`
 *   and `outcome`), or `action` is not a valid URL (`source: 'config'`); `detail: {source, message, url, outcome}`.
 */
export class CareGuideSignup extends CareElement {
  static override styles = [tokens, baseStyles, formStyles, styles];

  private readonly form = new FormController(this, {
    defaultProtocol: 'json',
    lightProtocol: 'form',
    strings: () => this.locale.strings,
    result: signupResult,
    nodes: () => ({status: this.statusRegion, honeypot: this.honeypot}),
    fallbackLink: () => this.guideUrl,
    fields: () => [
      {name: 'email', control: () => this.emailInput, max: 100, serverNames: ['email']},
      ...(this.nameField ? [{name: 'first_name', control: () => this.nameInput, max: 245, serverNames: ['first_name', 'name']}] : []),
      {name: 'consent', control: () => this.consentInput, serverNames: ['consent']},
    ],
  });

  @query('#email') private emailInput?: HTMLInputElement;
  @query('#first_name') private nameInput?: HTMLInputElement;
  @query('#consent') private consentInput?: HTMLInputElement;
  @query('#status') private statusRegion?: HTMLElement;
  @query('#extra_info') private honeypot?: HTMLInputElement;

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

  override willUpdate(): void {
    // What a reader typed into the page's own form before the element took over is kept.
    // Taken once, by the first update that is not a hydration of the server's DOM.
    if (!this.hydrating) this.form.values = {...this.form.values, ...this.form.takeTyped(['email', 'first_name'])};
  }

  private sendSignup(event: Event): void {
    event.preventDefault();
    const {form} = this;
    void form.send({
      email: form.text('email').trim(),
      first_name: form.text('first_name').trim() || undefined,
      consent: form.values.consent === true,
      offer: form.values.offer === true,
    });
  }

  private renderSuccess(message: string, link: string | undefined) {
    return html`<p>${message}</p>
      ${link ? html`<p><a part="download" href=${link} download>${this.t.signupDownload}</a></p>` : nothing}`;
  }

  private enter(name: string) {
    return (value: string) => this.form.setValue(name, value);
  }

  private tick(event: Event): void {
    const box = event.target as HTMLInputElement;
    this.form.setValue(box.name, box.checked);
    if (box.name === 'consent') this.form.checkField('consent');
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
      ${renderStatus(status, t, done ? this.renderSuccess(status.message, status.link) : nothing)}
    </form>`;
  }

  private renderFields(sending: boolean, failed: boolean) {
    const t = this.t;
    const consentError = this.form.errorFor('consent');
    return html`<p part="intro">${t.signupIntro}</p>
      ${renderTextField(this.form, {name: 'email', label: t.signupEmail, required: true, type: 'email', autocomplete: 'email', onInput: this.enter('email')})}
      ${
        this.nameField
          ? renderTextField(this.form, {
              name: 'first_name',
              label: t.signupName,
              required: false,
              autocomplete: 'given-name',
              onInput: this.enter('first_name'),
            })
          : nothing
      }
      <div part="field">
        <div part="choice" class="check">
          <input part="checkbox" id="consent" name="consent" type="checkbox" ?required=${this.consentRequired}
            aria-invalid=${consentError ? 'true' : 'false'} aria-describedby="consent-error" ${checkedState(this.form.values.consent === true)} @change=${this.tick} />
          ${renderLabel('consent', this.consentText || t.signupConsent, this.consentRequired, t.required)}
        </div>
        ${renderError(this.form, 'consent')}
      </div>
      ${
        this.offer
          ? html`<div part="choice" class="check"><input part="checkbox" id="offer" name="offer" type="checkbox" ${checkedState(this.form.values.offer === true)} @change=${this.tick} /><label part="label" for="offer">${t.signupOffer}</label></div>`
          : nothing
      }
      ${renderHoneypot()}
      <button part="submit" type="submit" aria-disabled=${sending ? 'true' : 'false'}>${failed ? t.retry : t.signupSubmit}</button>`;
  }
}
