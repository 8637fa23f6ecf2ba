/** English UI strings. Every key can be overridden per element through its `strings` property. */
export const en = {
  // Lists
  // The summary's live part, announced at each mark; the guidance beside it is shown, not re-announced.
  symptomsSummary: (marked: number, total: number) =>
    marked === 0 ? `None of the ${total} symptoms marked.` : `${marked} of ${total} symptoms marked.`,
  symptomsGuidance: 'These signs have many causes: talk to a healthcare professional about them.',
  checklistProgress: (done: number, total: number) => `${done} of ${total} done`,
  checklistProgressLabel: 'Steps done',
  checklistReset: 'Clear ticks',
  // Lists that keep ticks on the device (`persist`, the checklist): the footer's notice. A no-break space
  // keeps the count with its unit when the line wraps.
  symptomsKept: (days: number) => `Your marks are kept on this device for ${days === 1 ? '1\u00a0day' : `${days}\u00a0days`}.`,
  checklistKept: (days: number) => `Your ticks are kept on this device for ${days === 1 ? '1\u00a0day' : `${days}\u00a0days`}.`,
  symptomsForget: 'Forget them',
  keptForgotten: 'Nothing is kept on this device now.',
  loading: 'Loading…',

  // Both forms
  required: 'Required',
  sending: 'Sending…',
  retry: 'Try again',
  errorSummary: (count: number) => (count === 1 ? 'Please correct 1 field.' : `Please correct ${count} fields.`),
  valueMissing: 'This field is required.',
  typeMismatchEmail: 'Enter an email address like name@example.com.',
  typeMismatchUrl: 'Enter a web address starting with http:// or https://.',
  tooLong: (over: number) => (over === 1 ? 'Too long by 1 character.' : `Too long by ${over} characters.`),
  charactersLeft: (left: number) => {
    const n = Math.abs(left);
    const unit = n === 1 ? 'character' : 'characters';
    return left >= 0 ? `${n} ${unit} left` : `${n} ${unit} over the limit`;
  },
  failureNetwork: 'We could not reach the server. Everything you typed is still here. Try again.',
  failureServer: 'The server had a problem. Everything you typed is still here. Try again.',
  failureBadResponse: 'The server sent an answer we could not read. Everything you typed is still here.',
  notConfigured: 'This form cannot be sent: its address is not valid.',
  tooFast: 'You are posting too quickly. Wait a moment, then try again.',

  // Guide signup
  signupHeading: 'Get our free gut health guide',
  signupIntro: 'If you’re interested in learning more about gut health, download our free gut health guide.',
  signupEmail: 'Email',
  signupName: 'First name',
  signupConsent: 'I agree to receive the guide and occasional gut-health emails. I can unsubscribe at any time.',
  signupOffer: 'Also send me a free 3-day supply of Life Greens, our probiotic green juice, to help support gut health.',
  signupSubmit: 'Send me the guide',
  signupSuccess: 'Thank you! Your free gut health guide is ready.',
  signupDownload: 'Download the guide',
  signupRejected: 'We could not sign you up. Please check your details and try again.',

  // Comment form (WordPress's own wording)
  commentHeading: 'Leave a Reply',
  commentReplyHeading: (name: string) => `Leave a Reply to ${name}`,
  commentCancelReply: 'Cancel reply',
  commentNotes: 'Your email address will not be published.',
  commentRequiredNote: 'Required fields are marked',
  commentComment: 'Comment',
  commentName: 'Name',
  commentEmail: 'Email',
  commentWebsite: 'Website',
  commentRemember: 'Save my name, email, and website in this browser for the next time I comment.',
  commentSubmit: 'Post Comment',
  commentPublished: 'Your comment has been published.',
  commentPending: 'Your comment is awaiting moderation.',
  commentDuplicate: 'Your comment was already received.',
  commentFlood: 'You are posting comments too quickly. Slow down.',
  commentLoginRequired: 'Sorry, you must be logged in to comment.',
  commentKept: 'We kept your comment. Try again.',
  commentRejected: 'Your comment could not be posted.',
  commentViewLink: 'View your comment',
  commentDraftRestored: 'Restored your unsent comment from this device.',
  commentDiscardDraft: 'Discard draft',
  commentDraftDiscarded: 'Draft discarded.',
} as const;
