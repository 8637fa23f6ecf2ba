import type {CareStrings} from '../i18n/index.js';
import {isEmail, lengthLeft} from '../lib/text.js';

/** A field of a form: how to find its control, its length limit, and the server's names for it. */
export interface FieldSpec {
  name: string;
  control: () => HTMLInputElement | HTMLTextAreaElement | null | undefined;
  /** Length limit, checked here rather than with `maxlength`, which would cut a paste short. */
  max?: number;
  /** How the server counts the limit (default: characters); the reader is always told in characters. */
  measure?: (value: string) => number;
  /** Names the server uses for this field in its error answers (`author_email`, `email`, ...). */
  serverNames: readonly string[];
}

/**
 * The errors of a form's fields, shown as Lion and the platform do: a field's error after the
 * reader leaves it, every field's after a submit attempt. A server's error on a field stands
 * until the reader changes that field's value (leaving the field does not hide it).
 */
export class FieldValidation {
  /** Messages per field name; shown for touched fields and after a submit attempt. */
  errors: Record<string, string> = {};
  private touched = new Set<string>();
  private attempted = false;
  /** Fields the server refused, with the value it refused. */
  private refused = new Map<string, string>();

  constructor(
    private readonly fields: () => readonly FieldSpec[],
    private readonly strings: () => CareStrings,
  ) {}

  /** The message to show for a field, if it should be shown now. */
  errorFor(name: string): string | undefined {
    return this.attempted || this.touched.has(name) ? this.errors[name] : undefined;
  }

  /** Checks one field (on blur, and on input while it shows an error); `touch` marks it as left by the reader. */
  check(name: string, touch = true): void {
    const spec = this.fields().find((f) => f.name === name);
    if (!spec) return;
    if (touch) this.touched.add(name);
    if (this.refused.has(name) && this.refused.get(name) === spec.control()?.value) return;
    this.refused.delete(name);
    const message = this.messageFor(spec);
    const {[name]: _old, ...rest} = this.errors;
    this.errors = message ? {...rest, [name]: message} : rest;
  }

  /** Checks every field, as a submit attempt does; returns how many are invalid. */
  checkAll(): number {
    this.attempted = true;
    this.refused.clear();
    const errors: Record<string, string> = {};
    for (const spec of this.fields()) {
      const message = this.messageFor(spec);
      if (message) errors[spec.name] = message;
    }
    this.errors = errors;
    return Object.keys(errors).length;
  }

  /**
   * Shows the errors the server reported (keyed by its field names), each on our field of that
   * name; returns how many fields matched. Each gets the form's message for it where the form's
   * own check sees the fault, else the server's wording, else `fallback` (the server's message for the whole answer, e.g. the
   * classic handler's "Please enter a valid email address."), else "required".
   */
  showServerErrors(fields: Record<string, string>, fallback: string): number {
    const errors: Record<string, string> = {};
    this.refused.clear();
    for (const spec of this.fields()) {
      const key = spec.serverNames.find((n) => Object.hasOwn(fields, n));
      if (key === undefined) continue;
      // The form's own words first, in the reader's language, where its own check sees the fault.
      errors[spec.name] = this.messageFor(spec) || fields[key] || fallback || this.strings().valueMissing;
      this.refused.set(spec.name, spec.control()?.value ?? '');
    }
    this.attempted = true;
    this.errors = errors;
    return Object.keys(errors).length;
  }

  /** Forgets every error and interaction: a fresh form after a success. */
  reset(): void {
    this.errors = {};
    this.touched.clear();
    this.refused.clear();
    this.attempted = false;
  }

  /** Moves focus to the first field that shows an error. */
  focusFirstInvalid(): void {
    this.fields()
      .find((f) => this.errors[f.name])
      ?.control()
      ?.focus();
  }

  private messageFor(spec: FieldSpec): string | undefined {
    const control = spec.control();
    if (!control) return undefined;
    const t = this.strings();
    // The checks WordPress makes on what it is sent, so that its refusal (an English page on many
    // sites) is rarely seen: spaces alone are nothing, and an email must pass is_email().
    const value = control.value.trim();
    if (control.required && control.type !== 'checkbox' && !value) return t.valueMissing;
    if (control.validity.valueMissing) return t.valueMissing;
    if (control.type === 'email' && value && !isEmail(value)) return t.typeMismatchEmail;
    if (control.type === 'url' && value && (control.validity.typeMismatch || !/^https?:\/\//i.test(value))) return t.typeMismatchUrl;
    if (spec.max !== undefined) {
      const left = lengthLeft(control.value, spec.max, spec.measure);
      if (left < 0) return t.tooLong(-left);
    }
    return undefined;
  }
}
