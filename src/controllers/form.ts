import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CareStrings} from '../i18n/index.js';
import type {Outcome} from '../lib/outcome.js';
import {isProtocol, type Protocol} from '../lib/protocols.js';
import {safeHttpUrl} from '../lib/text.js';
import {emit} from '../events.js';
import {SubmissionController} from './submission.js';

/** A field of a form: how to find its control, its length limit, and the server's names for it. */
export interface FieldSpec {
  name: string;
  control: () => HTMLInputElement | HTMLTextAreaElement | null | undefined;
  /** Length limit, checked here rather than with `maxlength`, which would cut a paste short. */
  max?: number;
  /** How the limit counts (default: UTF-16 code units, as `maxlength` does). */
  measure?: (value: string) => number;
  /** Names the server uses for this field in its error answers (`author_email`, `email`, ...). */
  serverNames: readonly string[];
}

/** What the form shows below its fields. */
export type FormStatus =
  | {kind: 'idle'}
  | {kind: 'sending'}
  | {kind: 'invalid'; message: string}
  | {kind: 'success'; outcome: Outcome; link?: string}
  | {kind: 'error'; message: string; outcome?: Outcome};

type FormHost = ReactiveControllerHost & HTMLElement & {action: string | null; protocol?: string};

export interface FormOptions {
  fields: () => readonly FieldSpec[];
  strings: () => CareStrings;
  /** The protocol when the attribute is missing or unknown. */
  defaultProtocol: Protocol;
  /** The protocol a native form of this kind speaks, used with the action of a light-DOM form. */
  lightProtocol: Protocol;
}

/** The honeypot field's id and name (rendered by `renderHoneypot()`), sent as is. */
export const HONEYPOT = 'extra_info';

/** Hosts that already warned about a missing action: one warning per element. */
const warnedHosts = new WeakSet<HTMLElement>();

/**
 * The behaviour both forms share: validation shown after blur or a submit attempt, focus on the
 * first invalid field, one submission at a time through {@link SubmissionController}, the
 * `care-submit` / `care-success` / `care-error` events, and the fill time sent for spam checks.
 */
export class FormController implements ReactiveController {
  readonly submission: SubmissionController;
  /** Messages per field name; shown for touched fields and after a submit attempt. */
  errors: Record<string, string> = {};
  status: FormStatus = {kind: 'idle'};
  private touched = new Set<string>();
  private attempted = false;
  private startedAt = 0;
  private foundForm: HTMLFormElement | null = null;

  constructor(
    private readonly host: FormHost,
    private readonly options: FormOptions,
  ) {
    this.submission = new SubmissionController(host);
    host.addController(this);
  }

  hostConnected(): void {
    this.startedAt = performance.now();
  }

  /**
   * The page's own `<form>` inside the element, if it wrote one: what readers without JavaScript
   * use, and where the element takes its action (and its protocol) from when none is set. Any
   * depth: WordPress's comment_form() wraps its form in `<div id="respond">`. Kept once found,
   * so a script that moves it out (WordPress's comment-reply.js moves `#respond`) leaves the
   * element its action and post.
   */
  get lightForm(): HTMLFormElement | null {
    return (this.foundForm ??= this.host.querySelector('form'));
  }

  /** The endpoint: the `action` attribute, else the light-DOM form's. */
  get action(): string | null {
    return this.host.action || this.lightForm?.getAttribute('action') || null;
  }

  /** The `protocol` attribute if valid; else what the light-DOM form speaks, if it supplies the action; else the default. */
  get protocol(): Protocol {
    if (isProtocol(this.host.protocol)) return this.host.protocol;
    return !this.host.action && this.lightForm?.getAttribute('action') ? this.options.lightProtocol : this.options.defaultProtocol;
  }

  /** What the reader typed into the light-DOM form's field `name` before the element took over. */
  lightValue(name: string): string {
    const control = this.lightForm?.elements.namedItem(name);
    return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : '';
  }

  /** Milliseconds since the form appeared, sent along so the server can judge bots. */
  get fillMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  /** The message to show for a field, if it should be shown now. */
  errorFor(name: string): string | undefined {
    return this.attempted || this.touched.has(name) ? this.errors[name] : undefined;
  }

  /** Checks one field; call on blur (and on input once it shows an error). */
  checkField(name: string, touch = true): void {
    const spec = this.options.fields().find((f) => f.name === name);
    if (!spec) return;
    if (touch) this.touched.add(name);
    const message = this.messageFor(spec);
    const {[name]: _old, ...rest} = this.errors;
    this.errors = message ? {...rest, [name]: message} : rest;
    this.host.requestUpdate();
  }

  private messageFor(spec: FieldSpec): string | undefined {
    const control = spec.control();
    if (!control) return undefined;
    const t = this.options.strings();
    const v = control.validity;
    if (v.valueMissing) return t.valueMissing;
    if (v.typeMismatch) return control.type === 'url' ? t.typeMismatchUrl : t.typeMismatchEmail;
    if (control.type === 'url' && control.value && !/^https?:\/\//i.test(control.value.trim())) return t.typeMismatchUrl;
    if (spec.max !== undefined && (spec.measure?.(control.value) ?? control.value.length) > spec.max) return t.tooLong(spec.max);
    return undefined;
  }

  /** Validates every field; on failure shows the errors, announces them and focuses the first. */
  validate(): boolean {
    this.attempted = true;
    const errors: Record<string, string> = {};
    for (const spec of this.options.fields()) {
      const message = this.messageFor(spec);
      if (message) errors[spec.name] = message;
    }
    this.errors = errors;
    const count = Object.keys(errors).length;
    if (count) this.status = {kind: 'invalid', message: this.options.strings().errorSummary(count)};
    else if (this.status.kind === 'invalid') this.status = {kind: 'idle'};
    this.host.requestUpdate();
    if (count) this.focusFirstInvalid();
    return count === 0;
  }

  private async focusFirstInvalid(): Promise<void> {
    await (this.host as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    const first = this.options.fields().find((f) => this.errors[f.name]);
    first?.control()?.focus();
  }

  /**
   * Validates, fires the cancelable `care-submit`, and sends `fields` with the spam signals both
   * forms send: `fill_ms` (how long the form took) and `extra_info` (the honeypot, empty for
   * people). Returns the outcome, or undefined when nothing was sent (invalid, cancelled, not
   * configured, or already sending).
   */
  async send(fields: Record<string, string | number | boolean | undefined>, extra: {nonce?: string} = {}): Promise<Outcome | undefined> {
    if (this.submission.sending) return undefined;
    if (!this.validate()) return undefined;
    const honeypot = this.host.shadowRoot?.querySelector<HTMLInputElement>(`#${HONEYPOT}`);
    const data = {...fields, fill_ms: this.fillMs, [HONEYPOT]: honeypot?.value || undefined};
    const {action} = this;
    const proceed = emit(this.host, 'care-submit', {data, action, protocol: this.protocol}, true);
    if (!proceed) return undefined;
    if (action && !this.actionUrl) {
      const message = `<${this.host.localName}>: the action "${action}" is not a valid URL, so nothing was sent.`;
      console.error(message);
      this.status = {kind: 'error', message: this.options.strings().notConfigured};
      this.host.requestUpdate();
      emit(this.host, 'care-error', {source: 'config', message, url: action});
      return undefined;
    }
    if (!action) {
      if (!warnedHosts.has(this.host)) {
        warnedHosts.add(this.host);
        console.warn(
          `<${this.host.localName}>: no "action" attribute, so nothing is sent. Set action to the endpoint URL, or handle the care-submit event and call preventDefault().`,
        );
      }
      return undefined;
    }
    this.status = {kind: 'sending'};
    this.host.requestUpdate();
    // The fill time grows with every send: it does not make "Try again" a new submission.
    const outcome = await this.submission.submit({action, protocol: this.protocol, data, nonce: extra.nonce}, ['fill_ms']);
    if (outcome?.kind === 'failure' && outcome.reason === 'aborted') this.status = {kind: 'idle'};
    return outcome;
  }

  /**
   * Shows field errors the server reported, mapped to our field names; returns how many matched.
   * A field the server named without wording of its own gets `fallback` (the server's message for
   * the whole answer, e.g. the classic handler's "Please enter a valid email address."), rather
   * than a "required" text that would be wrong for a filled field.
   */
  showServerErrors(fields: Record<string, string>, fallback = ''): number {
    const errors: Record<string, string> = {};
    const t = this.options.strings();
    for (const spec of this.options.fields()) {
      const key = spec.serverNames.find((n) => Object.hasOwn(fields, n));
      if (key !== undefined) errors[spec.name] = fields[key] || this.messageFor(spec) || fallback || t.valueMissing;
    }
    this.attempted = true;
    this.errors = errors;
    this.host.requestUpdate();
    this.focusFirstInvalid();
    return Object.keys(errors).length;
  }

  /** The absolute action URL, or undefined when it is missing or malformed. */
  private get actionUrl(): string | undefined {
    try {
      return this.action ? new URL(this.action, document.baseURI).href : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Ends a submission with a success state, fires `care-success`, and moves focus to the
   * message. `link` is a URL from the server (resolved against the action; http(s) only) or,
   * failing that, `fallbackLink` (resolved against the page).
   */
  succeed(outcome: Outcome, pending: boolean, link?: unknown, fallbackLink?: string): void {
    const url = safeHttpUrl(link, this.actionUrl ?? document.baseURI) ?? safeHttpUrl(fallbackLink, document.baseURI);
    this.status = {kind: 'success', outcome, link: url};
    this.errors = {};
    this.touched.clear();
    this.attempted = false;
    this.startedAt = performance.now();
    this.host.requestUpdate();
    emit(this.host, 'care-success', {pending, response: 'data' in outcome ? outcome.data : null, link: url});
    (this.host as unknown as {updateComplete: Promise<unknown>}).updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>('#status')?.focus(),
    );
  }

  /** The reader's message for a failure without a verdict (no answer, a server error, an unreadable answer). */
  failureMessage(outcome: Outcome & {kind: 'failure'}): string {
    const t = this.options.strings();
    return outcome.reason === 'bad-response' ? t.failureBadResponse : outcome.reason === 'server' ? t.failureServer : t.failureNetwork;
  }

  /**
   * Ends a submission the server refused field by field: each field shows the server's words,
   * the status says what to do in the reader's language (or `fallback` when no field matched).
   */
  failFields(outcome: Outcome & {kind: 'field-errors'}, fallback: string): void {
    const count = this.showServerErrors(outcome.fields, outcome.message);
    this.fail(count ? this.options.strings().errorSummary(count) : outcome.message || fallback, outcome);
  }

  /** Ends a submission with an error state and `care-error`. */
  fail(message: string, outcome: Outcome | undefined): void {
    this.status = {kind: 'error', message, outcome};
    this.host.requestUpdate();
    emit(this.host, 'care-error', {source: 'submit', message: outcome && 'message' in outcome && outcome.message ? outcome.message : message, url: this.action ?? undefined, outcome});
  }

}
