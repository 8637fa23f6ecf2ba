import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CareStrings} from '../i18n/index.js';
import type {FormResult} from '../lib/form-result.js';
import type {Outcome} from '../lib/outcome.js';
import type {Protocol, SubmitRequest} from '../lib/protocols.js';
import {safeHttpUrl} from '../lib/text.js';
import {emit} from '../events.js';
import {PageForm} from './page-form.js';
import {SubmissionController} from './submission.js';
import {FieldValidation, type FieldSpec} from './validation.js';

export type {FieldSpec} from './validation.js';

/** What the form shows below its fields. */
export type FormStatus =
  | {kind: 'idle'}
  | {kind: 'sending'}
  | {kind: 'invalid'; message: string}
  | {kind: 'success'; message: string; pending: boolean; link?: string}
  | {kind: 'error'; message: string};

/** A value the reader entered: the text of a field, or whether a box is ticked. */
export type FieldValue = string | boolean;

type FormHost = ReactiveControllerHost & HTMLElement & {action: string | null; protocol?: string};

export interface FormOptions {
  fields: () => readonly FieldSpec[];
  strings: () => CareStrings;
  /** The protocol when the attribute is missing or unknown. */
  defaultProtocol: Protocol;
  /** The protocol a native form of this kind speaks, used with the action of the page's own form. */
  lightProtocol: Protocol;
  /** What this form shows for an outcome (`signupResult`, `commentResult`). */
  result: (outcome: Outcome, t: CareStrings) => FormResult | undefined;
  /** The element's own nodes: the live status region (focused after a success) and the honeypot. */
  nodes: () => {status?: HTMLElement | null; honeypot?: HTMLInputElement | null};
  /** A link to show after a success when the server gave none (the signup's `guide-url`). */
  fallbackLink?: () => string;
}

/** Hosts that already warned about a missing action: one warning per element. */
const warnedHosts = new WeakSet<HTMLElement>();

/**
 * One submission, in one direction, for both forms: the values the reader entered (taken over
 * from the page's own form too), validation, the cancelable `care-submit`, sending through
 * {@link SubmissionController} with the spam signals (fill time, honeypot), then the outcome
 * mapped once to a {@link FormResult} and applied: status, field errors, `care-success` or
 * `care-error`, focus.
 */
export class FormController implements ReactiveController {
  readonly submission: SubmissionController;
  readonly page: PageForm;
  readonly validation: FieldValidation;
  status: FormStatus = {kind: 'idle'};
  /** What the reader entered, by field name; the element renders controls from it. */
  values: Record<string, FieldValue> = {};
  private startedAt = 0;
  private taken = false;
  /** Fields left during a pointer press in the form, checked when it ends; null while no press is under way. */
  private leftDuringPress: Set<string> | null = null;

  constructor(
    private readonly host: FormHost,
    private readonly options: FormOptions,
  ) {
    this.submission = new SubmissionController(host);
    this.page = new PageForm(host, {fallback: options.defaultProtocol, native: options.lightProtocol});
    this.validation = new FieldValidation(options.fields, options.strings);
    host.addController(this);
  }

  hostConnected(): void {
    this.startedAt = performance.now();
    this.host.addEventListener('pointerdown', this.pressed);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.pressed);
  }

  /**
   * A press on the submit button takes focus from the field, whose error would then show above
   * the button and push it from under the pointer: the release would land outside it and the
   * click be lost. So the errors of fields left during a press wait until the press has ended
   * and its click (a submit shows every error anyway) has been dispatched.
   */
  private readonly pressed = (): void => {
    if (this.leftDuringPress) return;
    this.leftDuringPress = new Set();
    const released = () => {
      removeEventListener('pointerup', released, true);
      removeEventListener('pointercancel', released, true);
      setTimeout(() => {
        const left = this.leftDuringPress ?? [];
        this.leftDuringPress = null;
        for (const name of left) this.checkField(name);
      });
    };
    addEventListener('pointerup', released, true);
    addEventListener('pointercancel', released, true);
  };

  /**
   * What the reader typed into the page's own form before the element took over, for `names`:
   * taken once, on the first call (the element's first update).
   */
  takeTyped(names: readonly string[]): Record<string, string> {
    if (this.taken) return {};
    this.taken = true;
    return Object.fromEntries(names.map((name): [string, string] => [name, this.page.typed(name)]).filter(([, typed]) => typed));
  }

  /** The endpoint: the `action` attribute, else the page form's. */
  get action(): string | null {
    return this.page.action;
  }

  get protocol(): Protocol {
    return this.page.protocol;
  }

  /** The value of a text field (''), or of a checkbox (false), when the reader has not entered one. */
  text(name: string): string {
    const value = this.values[name];
    return typeof value === 'string' ? value : '';
  }

  /** Records what the reader entered; a field that shows an error is checked again. */
  setValue(name: string, value: FieldValue): void {
    this.values = {...this.values, [name]: value};
    if (this.validation.errorFor(name)) this.validation.check(name);
    this.host.requestUpdate();
  }

  /** Replaces every value at once (a form emptied after a success). */
  setValues(values: Record<string, FieldValue>): void {
    this.values = values;
    this.host.requestUpdate();
  }

  /** The message to show for a field now, if any. */
  errorFor(name: string): string | undefined {
    return this.validation.errorFor(name);
  }

  /** Checks one field as the reader leaves it. */
  checkField(name: string): void {
    if (this.leftDuringPress) {
      this.leftDuringPress.add(name);
      return;
    }
    this.validation.check(name);
    this.host.requestUpdate();
  }

  /** Milliseconds since the form appeared, sent along so the server can judge bots. */
  get fillMs(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  /**
   * Validates, fires the cancelable `care-submit`, sends `fields` with the spam signals
   * (`fill_ms`, and `extra_info`: the honeypot, empty for people), and applies the result.
   * Resolves with what the form showed for the answer (`ok`: the server has the submission), or
   * undefined when nothing was sent (invalid, cancelled, not configured, or already sending).
   */
  async send(
    fields: Record<string, string | number | boolean | undefined>,
    extra: Pick<SubmitRequest, 'nonce' | 'nonceUrl'> = {},
  ): Promise<FormResult | undefined> {
    if (this.submission.sending || !this.validate()) return undefined;
    const data = {...fields, fill_ms: this.fillMs, extra_info: this.options.nodes().honeypot?.value || undefined};
    const {action, protocol} = this;
    if (!emit(this.host, 'care-submit', {data, action, protocol}, true)) return undefined;
    if (!action) {
      if (!warnedHosts.has(this.host)) {
        warnedHosts.add(this.host);
        console.warn(
          `<${this.host.localName}>: no "action" attribute, so nothing is sent. Set action to the endpoint URL, or handle the care-submit event and call preventDefault().`,
        );
      }
      return undefined;
    }
    if (!this.actionUrl) {
      const message = `<${this.host.localName}>: the action "${action}" is not a valid URL, so nothing was sent.`;
      console.error(message);
      this.show({kind: 'error', message: this.options.strings().notConfigured});
      emit(this.host, 'care-error', {source: 'config', message, url: action});
      return undefined;
    }
    this.show({kind: 'sending'});
    // The fill time grows with every send: it does not make "Try again" a new submission.
    const outcome = await this.submission.submit({...extra, action, protocol, data}, ['fill_ms']);
    return outcome && this.apply(outcome);
  }

  /** Checks every field; on failure shows the errors, says how many, and focuses the first. */
  private validate(): boolean {
    const count = this.validation.checkAll();
    if (count) this.show({kind: 'invalid', message: this.options.strings().errorSummary(count)});
    else if (this.status.kind === 'invalid') this.show({kind: 'idle'});
    if (count) this.afterRender(() => this.validation.focusFirstInvalid());
    return count === 0;
  }

  /** The outcome, mapped once to what the form shows, then shown, told by event, and focused. */
  private apply(outcome: Outcome): FormResult | undefined {
    const t = this.options.strings();
    const result = this.options.result(outcome, t);
    if (!result) {
      this.show({kind: 'idle'});
      return result;
    }
    if (result.ok) {
      const link = safeHttpUrl(result.link, this.actionUrl ?? document.baseURI) ?? safeHttpUrl(this.options.fallbackLink?.(), document.baseURI);
      this.validation.reset();
      this.startedAt = performance.now();
      this.show({kind: 'success', message: result.message, pending: result.pending, link});
      emit(this.host, 'care-success', {pending: result.pending, response: 'data' in outcome ? outcome.data : null, link});
      this.afterRender(() => this.options.nodes().status?.focus());
      return result;
    }
    const matched = result.fields ? this.validation.showServerErrors(result.fields, 'message' in outcome ? outcome.message : '') : 0;
    const message = matched ? t.errorSummary(matched) : result.message;
    this.show({kind: 'error', message});
    if (matched) this.afterRender(() => this.validation.focusFirstInvalid());
    const said = 'message' in outcome && outcome.message ? outcome.message : message;
    emit(this.host, 'care-error', {source: 'submit', message: said, url: this.action ?? undefined, outcome});
    return result;
  }

  private show(status: FormStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private afterRender(then: () => void): void {
    void this.host.updateComplete.then(then);
  }

  /** The absolute action URL, or undefined when it is missing or malformed. */
  private get actionUrl(): string | undefined {
    try {
      return this.action ? new URL(this.action, document.baseURI).href : undefined;
    } catch {
      return undefined;
    }
  }
}
