import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {FormController, FormStatus} from '../controllers/form.js';
import type {CareStrings} from '../i18n/index.js';

/**
 * The label of a field, with the required mark that sighted readers see. A text field says
 * `required` itself; a checkbox does not in Chromium, so for one `spoken` ("Required") goes into
 * its name, heard where the mark is seen.
 */
export function renderLabel(id: string, text: string, required: boolean, spoken = ''): TemplateResult {
  return html`<label part="label" for=${id}>${text}${
    required
      ? html` <span class="required" aria-hidden="true">*</span>${spoken ? html`<span class="visually-hidden"> ${spoken}</span>` : nothing}`
      : nothing
  }</label>`;
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
  const text = note || (status.kind === 'sending' ? t.sending : status.kind === 'invalid' || status.kind === 'error' ? status.message : '');
  return html`<div part="status" id="status" role="status" tabindex="-1" data-kind=${note ? 'note' : status.kind}>${status.kind === 'success' && !note ? success : text}</div>`;
}

/** The hidden field bots fill and people never see (hidden by a class, out of the tab order); the element passes it to FormController, which sends its value as `extra_info`. */
export function renderHoneypot(): TemplateResult {
  return html`<div class="hp" aria-hidden="true">
    <label for="extra_info">Leave this field empty</label>
    <input id="extra_info" name="extra_info" type="text" tabindex="-1" autocomplete="off" />
  </div>`;
}

/** A text field of a form: what {@link renderTextField} needs beyond the form itself. */
export interface TextField {
  name: string;
  label: string;
  required: boolean;
  /** The input's type (default `text`); `textarea` renders a comment box. */
  type?: 'text' | 'email' | 'url' | 'textarea';
  /** The input's `autocomplete` token (none by default). */
  autocomplete?: 'name' | 'given-name' | 'email' | 'url';
  /** Ids of other nodes that describe the field, after its error. */
  describedBy?: readonly string[];
  /** Called with each new value the reader types. */
  onInput: (value: string) => void;
  /** Rendered under the control, before the error (a notice, a counter). */
  after?: unknown;
}

/** A labelled text input (or comment box), its value from the form, checked as the reader leaves it. */
export function renderTextField(form: FormController, field: TextField): TemplateResult {
  const {name, required} = field;
  const invalid = form.errorFor(name) ? 'true' : 'false';
  const describedby = [`${name}-error`, ...(field.describedBy ?? [])].join(' ');
  const value = form.text(name);
  const input = (event: Event) => field.onInput((event.target as HTMLInputElement).value);
  const blur = () => form.checkField(name);
  return html`<div part="field">
    ${renderLabel(name, field.label, required)}
    ${
      field.type === 'textarea'
        ? html`<textarea part="textarea" id=${name} name=${name} rows="8" ?required=${required} aria-invalid=${invalid}
          aria-describedby=${describedby} .value=${live(value)} @input=${input} @blur=${blur}></textarea>`
        : html`<input part="input" id=${name} name=${name} type=${field.type ?? 'text'} autocomplete=${ifDefined(field.autocomplete)}
          ?required=${required} aria-invalid=${invalid} aria-describedby=${describedby} .value=${live(value)} @input=${input} @blur=${blur} />`
    }
    ${field.after ?? nothing} ${renderError(form, name)}
  </div>`;
}
