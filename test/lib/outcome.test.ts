import {expect} from '@open-wc/testing';
import {mapResponse, type Outcome, type ResponseLike} from '../../src/lib/outcome.js';
import type {Protocol} from '../../src/lib/protocols.js';

interface Fake {
  status: number;
  text?: string;
  body?: unknown;
  headers?: Record<string, string>;
  redirected?: boolean;
  url?: string;
}

function res({status, text, body, headers = {}, redirected = false, url = 'http://localhost/api'}: Fake): ResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    status,
    ok: status >= 200 && status < 300,
    redirected,
    url,
    headers: {get: (name: string) => lower[name.toLowerCase()] ?? null},
    text: text ?? (body === undefined ? '' : JSON.stringify(body)),
  };
}

function wpError(code: string, message: string, status: number, extra: Record<string, unknown> = {}) {
  return {code, message, data: {status, ...extra}};
}

const JSON_PROTOCOLS: Protocol[] = ['json', 'form', 'wordpress'];
const NOW = Date.UTC(2025, 0, 1);

describe('mapResponse', () => {
  describe('json and form successes', () => {
    for (const protocol of ['json', 'form'] as const) {
      it(`${protocol}: a JSON object is accepted, with its data`, () => {
        const body = {status: 'subscribed', id: 'g1', guide_url: '/guide.pdf'};
        expect(mapResponse(protocol, res({status: 201, body}))).to.deep.equal({kind: 'accepted', status: 201, data: body});
      });

      it(`${protocol}: a held status is pending`, () => {
        for (const status of ['hold', 'pending', 'unapproved', 'spam']) {
          const outcome = mapResponse(protocol, res({status: 200, body: {status}}));
          expect(outcome.kind, status).to.equal('pending');
        }
        expect(mapResponse(protocol, res({status: 200, body: {status: 'approved'}})).kind).to.equal('accepted');
      });

      it(`${protocol}: 204 without a body is accepted with null data`, () => {
        expect(mapResponse(protocol, res({status: 204}))).to.deep.equal({kind: 'accepted', status: 204, data: null});
      });
    }

    it('a 2xx body that is not JSON is a bad response, not retryable', () => {
      expect(mapResponse('json', res({status: 200, text: '<html>ok</html>'}))).to.deep.equal({
        kind: 'failure',
        reason: 'bad-response',
        status: 200,
        message: 'The server answered 200 with a body that is not JSON.',
        retryable: false,
      });
      expect(mapResponse('form', res({status: 201, text: ''})).kind).to.equal('failure');
    });

    it('a 2xx JSON value that is not an object is a bad response', () => {
      for (const text of ['[]', '[{"id":1}]', '42', '"ok"', 'null', 'true']) {
        const outcome = mapResponse('json', res({status: 201, text}));
        expect(outcome, text).to.deep.include({kind: 'failure', reason: 'bad-response', retryable: false});
        expect((outcome as {message: string}).message).to.equal('The server answered 201 with JSON that is not an object.');
      }
    });
  });

  describe('wordpress successes', () => {
    it('an approved comment is accepted', () => {
      const body = {id: 9, status: 'approved', post: 3};
      expect(mapResponse('wordpress', res({status: 201, body}))).to.deep.equal({kind: 'accepted', status: 201, data: body});
    });

    it('any other comment status is pending', () => {
      for (const status of ['hold', 'spam', 'unapproved', 'whatever']) {
        expect(mapResponse('wordpress', res({status: 201, body: {id: 9, status}})).kind, status).to.equal('pending');
      }
      expect(mapResponse('wordpress', res({status: 200, body: {id: 1, status: 'hold'}}))).to.deep.include({kind: 'pending', status: 200});
    });

    it('an object that is not a comment is a bad response', () => {
      for (const body of [{}, {id: '9', status: 'hold'}, {id: 9}, {status: 'hold'}, [{id: 9, status: 'hold'}]]) {
        const outcome = mapResponse('wordpress', res({status: 201, body}));
        expect(outcome, JSON.stringify(body)).to.deep.include({kind: 'failure', reason: 'bad-response', retryable: false});
      }
      expect(mapResponse('wordpress', res({status: 204}))).to.deep.include({kind: 'failure', reason: 'bad-response'});
    });
  });

  describe('JSON errors, by code first', () => {
    it('rest_invalid_param: field errors from data.params, messages as plain text', () => {
      const body = wpError('rest_invalid_param', 'Invalid parameter(s): author_email', 400, {
        params: {author_email: 'Invalid email&nbsp;address.', post: 7},
      });
      expect(mapResponse('wordpress', res({status: 400, body}))).to.deep.equal({
        kind: 'field-errors',
        status: 400,
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): author_email',
        fields: {author_email: 'Invalid email address.', post: ''},
      });
    });

    it('rest_missing_callback_param: field names from the data.params array', () => {
      const body = wpError('rest_missing_callback_param', 'Missing parameter(s): content', 400, {params: ['content', 'post']});
      expect(mapResponse('wordpress', res({status: 400, body}))).to.deep.include({kind: 'field-errors', fields: {content: '', post: ''}});
    });

    it('a field-error code that names no field becomes rejected', () => {
      const body = wpError('rest_invalid_param', 'Invalid parameter(s)', 400);
      expect(mapResponse('json', res({status: 400, body}))).to.deep.equal({
        kind: 'rejected',
        status: 400,
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s)',
      });
    });

    it('author data and content codes name their fields, with empty text for the UI wording', () => {
      expect(
        mapResponse(
          'wordpress',
          res({
            status: 400,
            body: wpError('rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.', 400),
          }),
        ),
      ).to.deep.include({
        kind: 'field-errors',
        code: 'rest_comment_author_data_required',
        fields: {author_name: '', author_email: ''},
      });
      expect(
        mapResponse('wordpress', res({status: 400, body: wpError('rest_comment_content_invalid', 'Invalid comment content.', 400)})),
      ).to.deep.include({
        kind: 'field-errors',
        fields: {content: ''},
      });
    });

    it('column length codes put the server message on their field', () => {
      const cases = {
        comment_author_column_length: 'author_name',
        comment_author_email_column_length: 'author_email',
        comment_author_url_column_length: 'author_url',
        comment_content_column_length: 'content',
      };
      for (const [code, field] of Object.entries(cases)) {
        const outcome = mapResponse('wordpress', res({status: 400, body: wpError(code, 'Comment field exceeds maximum length allowed.', 400)}));
        expect(outcome, code).to.deep.equal({
          kind: 'field-errors',
          status: 400,
          code,
          message: 'Comment field exceeds maximum length allowed.',
          fields: {[field]: 'Comment field exceeds maximum length allowed.'},
        });
      }
    });

    it('comment_duplicate is a duplicate, entities decoded', () => {
      const body = wpError('comment_duplicate', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', 409);
      expect(mapResponse('wordpress', res({status: 409, body}))).to.deep.equal({
        kind: 'duplicate',
        status: 409,
        code: 'comment_duplicate',
        message: 'Duplicate comment detected; it looks as though you\u2019ve already said that!',
      });
    });

    it('comment_flood is too-fast whatever the status (REST sends 400)', () => {
      const body = wpError('comment_flood', 'You are posting comments too quickly. Slow down.', 400);
      expect(mapResponse('wordpress', res({status: 400, body}))).to.deep.equal({
        kind: 'too-fast',
        status: 400,
        code: 'comment_flood',
        message: 'You are posting comments too quickly. Slow down.',
      });
      expect(mapResponse('json', res({status: 429, body: {...body, data: {status: 429}}}))).to.deep.include({kind: 'too-fast', status: 429});
    });

    it('rest_comment_login_required is rejected', () => {
      const body = wpError('rest_comment_login_required', 'Sorry, you must be logged in to comment.', 401);
      expect(mapResponse('wordpress', res({status: 401, body}))).to.deep.equal({
        kind: 'rejected',
        status: 401,
        code: 'rest_comment_login_required',
        message: 'Sorry, you must be logged in to comment.',
      });
    });

    it('the code wins over the status', () => {
      expect(mapResponse('json', res({status: 500, body: wpError('comment_duplicate', 'Dup', 500)})).kind).to.equal('duplicate');
    });
  });

  describe('JSON errors, by status second', () => {
    it('401, 403 and other 4xx are rejected, with the code or http_<status>', () => {
      for (const protocol of JSON_PROTOCOLS) {
        expect(mapResponse(protocol, res({status: 401, text: ''}))).to.deep.equal({kind: 'rejected', status: 401, code: 'http_401', message: ''});
        expect(
          mapResponse(protocol, res({status: 403, body: wpError('rest_forbidden', 'Sorry, you are not allowed to do that.', 403)})),
        ).to.deep.equal({
          kind: 'rejected',
          status: 403,
          code: 'rest_forbidden',
          message: 'Sorry, you are not allowed to do that.',
        });
        expect(mapResponse(protocol, res({status: 404, text: '<h1>Not found</h1>'}))).to.deep.include({kind: 'rejected', code: 'http_404'});
        // A 409 without comment_duplicate is a refusal here: it may also mean "that key is still
        // being processed" (Idempotency-Key), which must not read as a stored comment.
        // The signup reads any 409 as "already subscribed" itself.
        expect(mapResponse(protocol, res({status: 409, body: {code: 'already', message: 'x'}}))).to.deep.include({kind: 'rejected', code: 'already'});
      }
    });

    it('5xx is a retryable server failure, with Retry-After when given', () => {
      expect(mapResponse('json', res({status: 500, text: 'oops'}))).to.deep.equal({
        kind: 'failure',
        reason: 'server',
        status: 500,
        message: 'The server answered 500.',
        retryable: true,
      });
      expect(mapResponse('wordpress', res({status: 503, text: '', headers: {'Retry-After': '0'}}))).to.deep.include({
        reason: 'server',
        retryable: true,
        retryAfterMs: 0,
      });
      expect(mapResponse('form', res({status: 502, body: {message: 'Bad gateway'}}))).to.deep.include({
        message: 'The server answered 502. Bad gateway',
      });
    });

    it('429 with Retry-After is a retryable failure, without it too-fast', () => {
      expect(mapResponse('json', res({status: 429, headers: {'retry-after': '3'}}), NOW)).to.deep.equal({
        kind: 'failure',
        reason: 'server',
        status: 429,
        message: 'The server answered 429.',
        retryable: true,
        retryAfterMs: 3000,
      });
      expect(mapResponse('json', res({status: 429, headers: {'Retry-After': 'Wed, 01 Jan 2025 00:00:07 GMT'}}), NOW)).to.deep.include({
        retryAfterMs: 7000,
      });
      expect(mapResponse('json', res({status: 429, body: {code: 'slow_down', message: 'Slow down.'}}))).to.deep.equal({
        kind: 'too-fast',
        status: 429,
        code: 'slow_down',
        message: 'Slow down.',
      });
      expect(mapResponse('json', res({status: 429, headers: {'Retry-After': 'later'}}))).to.deep.include({kind: 'too-fast', code: 'http_429'});
    });

    it('a status that is neither success nor error is a bad response', () => {
      expect(mapResponse('json', res({status: 0}))).to.deep.include({kind: 'failure', reason: 'bad-response', retryable: false});
      expect(mapResponse('json', res({status: 304}))).to.deep.include({kind: 'failure', reason: 'bad-response'});
    });

    it('never throws, even for a broken response object', () => {
      const broken = {
        status: 500,
        ok: false,
        redirected: false,
        url: '',
        text: '',
        headers: {
          get: () => {
            throw new Error('boom');
          },
        },
      } as ResponseLike;
      let outcome: Outcome | undefined;
      expect(() => (outcome = mapResponse('json', broken))).not.to.throw();
      expect(outcome).to.deep.include({kind: 'failure', reason: 'bad-response', status: 500});
    });
  });

  describe('wordpress-classic', () => {
    const post = 'http://localhost/demo/?p=12';

    it('a redirect to the post is accepted', () => {
      expect(
        mapResponse('wordpress-classic', res({status: 200, redirected: true, url: `${post}#comment-5`, text: '<html>post</html>'})),
      ).to.deep.equal({kind: 'accepted', status: 200, data: null});
    });

    it('a redirect with unapproved= is pending (held for moderation)', () => {
      const url = `${post}&unapproved=5&moderation-hash=abc#comment-5`;
      expect(mapResponse('wordpress-classic', res({status: 200, redirected: true, url}))).to.deep.equal({kind: 'pending', status: 200, data: null});
      expect(mapResponse('wordpress-classic', res({status: 200, redirected: true, url: 'http://localhost/?unapproved=5'})).kind).to.equal('pending');
      // Only the query counts, not a fragment that happens to contain the word.
      expect(mapResponse('wordpress-classic', res({status: 200, redirected: true, url: `${post}#x&unapproved=5`})).kind).to.equal('accepted');
    });

    it('an empty 200 is rejected as post_unavailable', () => {
      expect(mapResponse('wordpress-classic', res({status: 200, text: '  \n '}))).to.deep.equal({
        kind: 'rejected',
        status: 200,
        code: 'post_unavailable',
        message: '',
      });
    });

    it('409 is a duplicate and 429 too-fast, with the page text', () => {
      const page = (msg: string) =>
        `<!DOCTYPE html><html><head><title>Comment Submission Failure</title><style>body{color:red}</style></head><body id="error-page"><div class="wp-die-message"><p>${msg}</p></div><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
      expect(
        mapResponse(
          'wordpress-classic',
          res({status: 409, text: page('Duplicate comment detected; it looks as though you&#8217;ve already said that!')}),
        ),
      ).to.deep.equal({
        kind: 'duplicate',
        status: 409,
        code: 'comment_duplicate',
        message: 'Duplicate comment detected; it looks as though you\u2019ve already said that!',
      });
      expect(mapResponse('wordpress-classic', res({status: 429, text: page('You are posting comments too quickly. Slow down.')}))).to.deep.equal({
        kind: 'too-fast',
        status: 429,
        code: 'comment_flood',
        message: 'You are posting comments too quickly. Slow down.',
      });
    });

    it('maps the known wp_die texts to classic field names', () => {
      const page = (msg: string) =>
        `<html><body id="error-page"><div class="wp-die-message"><p><strong>Error:</strong> ${msg}</p></div><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
      expect(mapResponse('wordpress-classic', res({status: 200, text: page('Please type your comment text.')}))).to.deep.equal({
        kind: 'field-errors',
        status: 200,
        code: 'require_valid_comment',
        message: 'Please type your comment text.',
        fields: {comment: ''},
      });
      expect(mapResponse('wordpress-classic', res({status: 200, text: page('Please fill the required fields.')}))).to.deep.include({
        fields: {author: '', email: ''},
      });
      expect(mapResponse('wordpress-classic', res({status: 200, text: page('Please enter a valid email address.')}))).to.deep.include({
        fields: {email: ''},
      });
      expect(mapResponse('wordpress-classic', res({status: 200, text: page('Your URL is too long.')}))).to.deep.include({
        fields: {url: 'Your URL is too long.'},
      });
    });

    it('reads an old wp_die page without the message box, and the old wording', () => {
      const old = `<html><body id="error-page"><p><strong>ERROR</strong>: please fill the required fields (name, email).</p><p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>`;
      expect(mapResponse('wordpress-classic', res({status: 200, text: old}))).to.deep.include({
        kind: 'field-errors',
        message: 'please fill the required fields (name, email).',
        fields: {author: '', email: ''},
      });
    });

    it('other pages are rejected with their text only, entities decoded once', () => {
      const page = `<html><head><script>alert(1)</script></head><body><div class="wp-die-message"><p>Sorry, comments are closed for this item. &lt;b&gt; &amp;amp; &#x41;&#66; &quot;q&quot; &#039;s&#039; &laquo;x&raquo;</p></div></body></html>`;
      expect(mapResponse('wordpress-classic', res({status: 403, text: page}))).to.deep.equal({
        kind: 'rejected',
        status: 403,
        code: 'comment_closed',
        message: 'Sorry, comments are closed for this item. <b> &amp; AB "q" \'s\' \u00abx\u00bb',
      });
      expect(mapResponse('wordpress-classic', res({status: 403, text: '<body><p>Forbidden by the firewall</p></body>'}))).to.deep.equal({
        kind: 'rejected',
        status: 403,
        code: 'http_403',
        message: 'Forbidden by the firewall',
      });
    });

    it('does not quote a long page that is not an error page', () => {
      const page = `<html><body><main>${'A whole theme page. '.repeat(40)}</main></body></html>`;
      expect(mapResponse('wordpress-classic', res({status: 200, text: page}))).to.deep.equal({
        kind: 'rejected',
        status: 200,
        code: 'http_200',
        message: '',
      });
    });

    it('5xx is a retryable server failure', () => {
      expect(
        mapResponse('wordpress-classic', res({status: 500, text: '<body>There has been a critical error on this website.</body>'})),
      ).to.deep.equal({
        kind: 'failure',
        reason: 'server',
        status: 500,
        message: 'The server answered 500. There has been a critical error on this website.',
        retryable: true,
      });
    });

    it('a redirect that ends in an error page is not a success', () => {
      expect(
        mapResponse('wordpress-classic', res({status: 404, redirected: true, url: `${post}&unapproved=1`, text: '<body>Not Found</body>'})),
      ).to.deep.include({kind: 'rejected', status: 404});
    });
  });
});

describe('mapResponse on hostile answers', () => {
  const MB = 1024 * 1024;
  /** `unit` repeated to 1 MB. */
  const megabyte = (unit: string) => unit.repeat(Math.ceil(MB / unit.length));

  // Each shape made a regular expression with nested repetition scan the rest of the text from
  // every opening: a 28 KB page of the first one froze a tab for seconds. Read in one pass, 1 MB
  // takes tens of milliseconds; the bound is loose so that a busy machine does not fail it, and
  // still hours below what a pass per opening would take on 1 MB.
  const shapes: Record<string, string> = {
    'unclosed back links, no message box': megabyte(`<a href='javascript:history.back()'`),
    'unclosed message boxes': megabyte(`<div class="wp-die-message"`),
    'unclosed tags': megabyte('<a '),
    'unclosed scripts': megabyte('<script>'),
    'unclosed comments': megabyte('<!--'),
    'unclosed quotes in a tag': megabyte(`<a title='`),
    'entity-like runs': megabyte('&aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    'body without end': `<body>${megabyte('<p>x')}`,
  };

  for (const [name, markup] of Object.entries(shapes)) {
    it(`reads 1 MB of ${name} in one pass (under 2 s), as HTML and as a JSON message`, () => {
      const started = performance.now();
      const page = mapResponse('wordpress-classic', res({status: 403, text: markup}));
      const json = mapResponse('wordpress', res({status: 403, body: {code: 'rest_forbidden', message: markup}}));
      const params = mapResponse(
        'json',
        res({status: 400, body: {code: 'rest_invalid_param', message: '', data: {status: 400, params: {email: markup}}}}),
      );
      const elapsed = performance.now() - started;
      expect(elapsed, `${Math.round(elapsed)} ms`).to.be.below(2000);
      expect(page.kind).to.equal('rejected');
      expect(json.kind).to.equal('rejected');
      expect(params.kind).to.equal('field-errors');
      // What is shown is a status line, not a page.
      expect((json as {message: string}).message.length).to.be.at.most(1000);
    });
  }

  it('cuts a long JSON message to 1000 characters, ending in an ellipsis', () => {
    const outcome = mapResponse('json', res({status: 403, body: {code: 'nope', message: 'word '.repeat(1000)}}));
    const {message} = outcome as {message: string};
    expect(message.length).to.equal(1000);
    expect(message.endsWith('word\u2026')).to.equal(true);
  });

  it('a tag cut off at the end is dropped; a "<" that opens no tag is text', () => {
    expect(mapResponse('json', res({status: 403, body: {code: 'x', message: 'Use a < b and 3<4 <b>here</b> <a href="/x'}}))).to.deep.include({
      message: 'Use a < b and 3<4 here',
    });
  });

  it('an apostrophe in an unquoted attribute does not hide the rest of the page', () => {
    const page = `<body><p class=it's>Comments are closed.</p><p>Ask the editor.</p></body>`;
    expect(mapResponse('wordpress-classic', res({status: 403, text: page}))).to.deep.include({message: 'Comments are closed. Ask the editor.'});
  });

  it('names inherited from Object.prototype are neither entities nor codes', () => {
    const message = '&constructor; &toString; &__proto__; &hasOwnProperty; &amp;';
    expect(mapResponse('json', res({status: 403, body: {code: 'x', message}}))).to.deep.include({
      message: '&constructor; &toString; &__proto__; &hasOwnProperty; &',
    });
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(mapResponse('json', res({status: 403, body: {code, message: 'No.'}})), code).to.deep.equal({
        kind: 'rejected',
        status: 403,
        code,
        message: 'No.',
      });
    }
  });
});
