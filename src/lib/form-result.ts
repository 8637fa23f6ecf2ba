/**
 * What a form shows for the outcome of a submission, decided once, here: one function per form,
 * from an {@link Outcome} to a {@link FormResult}. Plain functions, no DOM; the form controller
 * applies the result (status, field errors, events, focus) and the element renders it.
 */
import type {CareStrings} from '../i18n/index.js';
import type {Outcome} from './outcome.js';

/** What the form shows after the server answered, or failed to. */
export interface FormResult {
  /** The server took the submission: the form says so; false: it says what went wrong. */
  ok: boolean;
  /** Taken, but held for moderation. */
  pending: boolean;
  /** The status line, in the reader's language (a server's own words where they are the best). */
  message: string;
  /** A link from the server's answer (a comment's page, the guide): unchecked; only http(s) is ever shown. */
  link?: unknown;
  /**
   * Errors by the SERVER's field names, each with the server's words or '' (then the form uses
   * its own wording). The status line then says how many fields to correct.
   */
  fields?: Record<string, string>;
}

/** The sentence for a failure without a verdict: nothing arrived, the server broke, or its answer could not be read. */
function failureText(outcome: Outcome & {kind: 'failure'}, t: CareStrings): string {
  return outcome.reason === 'bad-response' ? t.failureBadResponse : outcome.reason === 'server' ? t.failureServer : t.failureNetwork;
}

function refusal(message: string): FormResult {
  return {ok: false, pending: false, message};
}

function data(outcome: Outcome): Record<string, unknown> | null {
  return 'data' in outcome ? outcome.data : null;
}

/**
 * The guide signup. "Already subscribed" (a duplicate, or a list server's 409) is a success like
 * any other, so nobody can probe who is on the list. Undefined for an aborted submission (the
 * element left the page): nothing to show.
 */
export function signupResult(outcome: Outcome, t: CareStrings): FormResult | undefined {
  const success = (): FormResult => {
    const answer = data(outcome);
    return {ok: true, pending: false, message: t.signupSuccess, link: answer?.guide_url ?? answer?.guideUrl};
  };
  switch (outcome.kind) {
    case 'accepted':
    case 'pending':
    case 'duplicate':
      return success();
    case 'field-errors':
      return {...refusal(outcome.message || t.signupRejected), fields: outcome.fields};
    case 'too-fast':
      return refusal(t.tooFast);
    case 'rejected':
      return outcome.status === 409 ? success() : refusal(t.signupRejected);
    case 'failure':
      return outcome.reason === 'aborted' ? undefined : refusal(failureText(outcome, t));
  }
}

/** Codes of "log in to comment": WordPress REST's, and the classic handler's (see lib/outcome.ts). */
const LOGIN_CODES = new Set(['rest_comment_login_required', 'not_logged_in']);

/**
 * The comment form, in WordPress's words. A comment held for moderation says so and links
 * nowhere; a published one links to itself; a duplicate was received before. Every refusal and failure keeps what was typed, and
 * says so where the reader might fear otherwise. Undefined for an aborted submission.
 */
export function commentResult(outcome: Outcome, t: CareStrings): FormResult | undefined {
  switch (outcome.kind) {
    case 'accepted':
      return {ok: true, pending: false, message: t.commentPublished, link: outcome.data?.link};
    case 'pending':
      return {ok: true, pending: true, message: t.commentPending};
    case 'field-errors':
      return {...refusal(outcome.message || t.commentRejected), fields: outcome.fields};
    case 'duplicate':
      // WordPress's duplicate check matches the post, the parent, the author and the exact text:
      // the reader's comment is there. Most often its first answer was lost, or the browser
      // resent the request by itself below fetch; moderation may still hold it.
      return {ok: true, pending: true, message: t.commentDuplicate};
    case 'too-fast':
      return refusal(t.commentFlood);
    case 'rejected':
      // By code first: WordPress answers 403 for more than logins (comments closed, a draft post).
      return refusal(
        LOGIN_CODES.has(outcome.code) || (outcome.status === 401 && !outcome.message) ? t.commentLoginRequired : outcome.message || t.commentRejected,
      );
    case 'failure':
      if (outcome.reason === 'aborted') return undefined;
      return refusal(outcome.reason === 'bad-response' ? `${failureText(outcome, t)} ${t.commentKept}` : t.commentKept);
  }
}
