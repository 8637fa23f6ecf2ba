import {html, nothing, type TemplateResult} from 'lit';
import type {FormController, FormStatus} from '../controllers/form.js';
import type {CareStrings} from '../i18n/index.js';

/** The label of a field, with the required mark that sighted readers see (the input says `required`). */
export function renderLabel(id: string, text: string, required: boolean): TemplateResult {
  return html`<label part="label" for=${id}>${text}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label>`;
}

/** The error line under a field; its id is referenced by the control's `aria-describedby`. */
export function renderError(form: FormController, name: string): TemplateResult {
  return html`<p part="error" id=${`${name}-error`}>${form.errorFor(name) ?? ''}</p>`;
}

/**
 * The polite live region that announces sending, errors and results; a `note` of the element's
 * own (such as "Draft discarded.") is shown, and announced, instead while it is set.
 */
export function renderStatus(status: FormStatus, t: CareStrings, success: TemplateResult | typeof nothing = nothing, note = ''): TemplateResult {
  const text =
    note || (status.kind === 'sending' ? t.sending : status.kind === 'invalid' || status.kind === 'error' ? status.message : '');
  return html`<div part="status" id="status" role="status" tabindex="-1" data-kind=${note ? 'note' : status.kind}>${status.kind === 'success' && !note ? success : text}</div>`;
}

/** The hidden field bots fill and people never see (hidden by a class, out of the tab order); FormController sends it as `HONEYPOT`. */
export function renderHoneypot(): TemplateResult {
  return html`<div class="hp" aria-hidden="true">
    <label for="extra_info">Leave this field empty</label>
    <input id="extra_info" name="extra_info" type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}
