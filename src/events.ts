import type {Outcome} from './lib/outcome.js';
import type {Protocol} from './lib/protocols.js';

/**
 * The events of care-elements. All bubble and are composed, so a page can listen on `document`.
 * Their `detail` types are declared once here.
 */

/** `care-change`: the reader ticked or unticked something. */
export interface CareChangeDetail {
  /** The ids now ticked, in list order. */
  ids: string[];
  /** How many items are ticked (`ids.length`). */
  done: number;
  /** How many items the list has. */
  total: number;
}

/** `care-submit` (cancelable): a valid form is about to be sent; `preventDefault()` to send it yourself. */
export interface CareSubmitDetail {
  /** The fields, by the names the chosen protocol uses. */
  data: Record<string, string | number | boolean | undefined>;
  /** The `action` URL, or null when none is set (then nothing is sent). */
  action: string | null;
  /** The protocol the data is encoded for. */
  protocol: Protocol;
}

/** `care-success`: the server accepted the submission (it may still hold it for moderation). */
export interface CareSuccessDetail {
  /** True when the server holds it for moderation (comments) rather than publishing it. */
  pending: boolean;
  /** The server's JSON answer, when it sent one. */
  response: Record<string, unknown> | null;
  /** A link the server gave back: the comment's permalink or the guide's download URL. */
  link?: string;
}

/** `care-error`: something went wrong that the page may want to know about. */
export interface CareErrorDetail {
  /** What failed: loading `src`, a submission, or the element's configuration. */
  source: 'src' | 'submit' | 'config';
  /** A readable explanation, in English, for logs. */
  message: string;
  /** The URL involved, if any. */
  url?: string;
  /** For submissions: the outcome the server's answer (or its absence) mapped to. */
  outcome?: Outcome;
}

/** `care-cancel-reply` (`<care-comment-form>`): the reader cancelled a reply; the form now comments on the post. */
export interface CareCancelReplyDetail {
  /** The id of the comment that was being replied to. */
  parentId: string;
}

/** The events by name, with their types: what `addEventListener` and the JSX typings read. */
export interface CareEventMap {
  'care-change': CustomEvent<CareChangeDetail>;
  'care-error': CustomEvent<CareErrorDetail>;
  'care-submit': CustomEvent<CareSubmitDetail>;
  'care-success': CustomEvent<CareSuccessDetail>;
  'care-cancel-reply': CustomEvent<CareCancelReplyDetail>;
}

declare global {
  interface GlobalEventHandlersEventMap extends CareEventMap {}
}

/** Dispatches a bubbling, composed event from `target`; returns false if it was cancelled. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, {detail, bubbles: true, composed: true, cancelable}));
}
