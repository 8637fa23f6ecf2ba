import {expect} from '@open-wc/testing';
import {en} from '../../src/i18n/en.js';
import {commentResult, signupResult} from '../../src/lib/form-result.js';
import type {Outcome} from '../../src/lib/outcome.js';

const t = en as unknown as Parameters<typeof signupResult>[1];

const held: Outcome = {kind: 'pending', status: 201, data: {id: 4, status: 'hold', link: 'https://blog.example/?p=1#comment-4'}};
const published: Outcome = {kind: 'accepted', status: 201, data: {id: 5, status: 'approved', link: 'https://blog.example/?p=1#comment-5'}};
const fieldErrors: Outcome = {
  kind: 'field-errors',
  status: 400,
  code: 'rest_invalid_param',
  message: 'Invalid parameter(s): email',
  fields: {email: 'Invalid email address.'},
};
const aborted: Outcome = {kind: 'failure', reason: 'aborted', status: 0, message: 'The submission was aborted.', retryable: true};
const unreadable: Outcome = {kind: 'failure', reason: 'bad-response', status: 200, message: 'not JSON', retryable: false};

describe('signupResult: what the guide signup shows', () => {
  it('a success shows the thanks and the guide link the server gave', () => {
    const accepted: Outcome = {kind: 'accepted', status: 201, data: {status: 'subscribed', guide_url: '/guide.pdf'}};
    expect(signupResult(accepted, t)).to.deep.equal({
      ok: true,
      pending: false,
      message: 'Thank you! Your free gut health guide is ready.',
      link: '/guide.pdf',
    });
  });

  it('"already subscribed" is a success like any other, so nobody can probe the list', () => {
    const duplicate: Outcome = {kind: 'duplicate', status: 409, code: 'comment_duplicate', message: 'Already.'};
    const conflict: Outcome = {kind: 'rejected', status: 409, code: 'member_exists', message: 'Already subscribed.'};
    for (const outcome of [duplicate, conflict]) expect(signupResult(outcome, t), outcome.kind).to.include({ok: true, message: en.signupSuccess});
  });

  it("field errors keep the server's words per field", () => {
    expect(signupResult(fieldErrors, t)).to.deep.equal({
      ok: false,
      pending: false,
      message: 'Invalid parameter(s): email',
      fields: {email: 'Invalid email address.'},
    });
  });

  it("refusals and failures in the reader's words; an aborted submission shows nothing", () => {
    const forbidden: Outcome = {kind: 'rejected', status: 403, code: 'nope', message: 'No.'};
    expect(signupResult(forbidden, t)).to.deep.equal({ok: false, pending: false, message: en.signupRejected});
    expect(signupResult(unreadable, t)).to.deep.equal({ok: false, pending: false, message: en.failureBadResponse});
    expect(signupResult(aborted, t)).to.equal(undefined);
  });
});

describe("commentResult: what the comment form shows, in WordPress's words", () => {
  it('held: awaiting moderation, no link; published: a link to the comment', () => {
    expect(commentResult(held, t)).to.deep.equal({ok: true, pending: true, message: 'Your comment is awaiting moderation.'});
    expect(commentResult(published, t)).to.deep.equal({
      ok: true,
      pending: false,
      message: 'Your comment has been published.',
      link: 'https://blog.example/?p=1#comment-5',
    });
  });

  it("login required by its code, or a bare 401; other refusals in the server's words", () => {
    const login: Outcome = {kind: 'rejected', status: 401, code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.'};
    const bare401: Outcome = {kind: 'rejected', status: 401, code: 'http_401', message: ''};
    const closed: Outcome = {kind: 'rejected', status: 403, code: 'rest_comment_closed', message: 'Sorry, comments are closed for this item.'};
    expect(commentResult(login, t)).to.deep.equal({ok: false, pending: false, message: en.commentLoginRequired});
    expect(commentResult(bare401, t)).to.deep.equal({ok: false, pending: false, message: en.commentLoginRequired});
    expect(commentResult(closed, t)).to.deep.equal({ok: false, pending: false, message: 'Sorry, comments are closed for this item.'});
  });

  it('a failure says the comment was kept; an unreadable answer says so first', () => {
    const network: Outcome = {kind: 'failure', reason: 'network', status: 0, message: 'offline', retryable: true};
    expect(commentResult(network, t)).to.deep.equal({ok: false, pending: false, message: en.commentKept});
    expect(commentResult(unreadable, t)).to.deep.equal({ok: false, pending: false, message: `${en.failureBadResponse} ${en.commentKept}`});
    expect(commentResult(aborted, t)).to.equal(undefined);
  });

  it('a duplicate was received before (WordPress matched the same text by the same author on the post): held, as far as the form knows', () => {
    expect(commentResult({kind: 'duplicate', status: 409, code: 'comment_duplicate', message: 'x'}, t)).to.deep.equal({
      ok: true,
      pending: true,
      message: 'Your comment was already received.',
    });
  });

  it("flood in WordPress's own wording", () => {
    expect(commentResult({kind: 'too-fast', status: 400, code: 'comment_flood', message: 'x'}, t)).to.include({ok: false, message: en.commentFlood});
  });
});
