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

/** `care-error`: something went wrong that the page may want to know about. */
export interface CareErrorDetail {
  /** What failed: loading `src`, a submission, or the element's configuration. */
  source: 'src' | 'submit' | 'config';
  /** A readable explanation, in English, for logs. */
  message: string;
  /** The URL involved, if any. */
  url?: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-change': CustomEvent<CareChangeDetail>;
    'care-error': CustomEvent<CareErrorDetail>;
  }
}

/** Dispatches a bubbling, composed event from `target`; returns false if it was cancelled. */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, {detail, bubbles: true, composed: true, cancelable}));
}
