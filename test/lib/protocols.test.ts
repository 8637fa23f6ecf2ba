import {expect} from '@open-wc/testing';
import {PROTOCOLS, encodeRequest, isProtocol, type SubmitRequest} from '../../src/lib/protocols.js';

const data: SubmitRequest['data'] = {
  email: 'ana@example.com',
  first_name: 'Ana & Bo',
  consent: true,
  offer: false,
  fill_ms: 5000,
  zero: 0,
  empty: '',
  gone: null,
  missing: undefined,
};

function headersOf(req: SubmitRequest, ...page: [string | null] | []): Record<string, string> {
  return encodeRequest(req, ...page).init.headers as Record<string, string>;
}

/** Header names regardless of case, as a server sees them. */
function headerNames(req: SubmitRequest): string[] {
  return Object.keys(headersOf(req))
    .map((name) => name.toLowerCase())
    .sort();
}

describe('protocols', () => {
  describe('PROTOCOLS and isProtocol', () => {
    it('lists the four protocols', () => {
      expect([...PROTOCOLS]).to.deep.equal(['json', 'form', 'wordpress', 'wordpress-classic']);
      expect(Object.isFrozen(PROTOCOLS)).to.equal(true);
    });

    it('accepts exactly the protocol names', () => {
      for (const name of PROTOCOLS) expect(isProtocol(name), name).to.equal(true);
      for (const value of ['JSON', 'wordpress_classic', 'rest', '', ' json', null, undefined, 1, {}, ['json']]) {
        expect(isProtocol(value), String(JSON.stringify(value))).to.equal(false);
      }
    });
  });

  describe('encodeRequest', () => {
    it('posts to the action with the same fetch options for every protocol', () => {
      for (const protocol of PROTOCOLS) {
        const {url, init} = encodeRequest({action: '/api/x?y=1', protocol, data});
        expect(url, protocol).to.equal('/api/x?y=1');
        expect(init.method, protocol).to.equal('POST');
        expect(init.credentials, protocol).to.equal('same-origin');
        expect(init.redirect, protocol).to.equal('follow');
        expect(init.cache, protocol).to.equal('no-store');
        expect(init.signal, protocol).to.equal(undefined);
        expect(init.body, protocol).to.be.a('string');
      }
    });

    it('json: a JSON body without null and undefined, keeping false, 0 and empty strings', () => {
      const {init} = encodeRequest({action: '/a', protocol: 'json', data, idempotencyKey: 'k-1', nonce: 'n'});
      expect(JSON.parse(init.body as string)).to.deep.equal({
        email: 'ana@example.com',
        first_name: 'Ana & Bo',
        consent: true,
        offer: false,
        fill_ms: 5000,
        zero: 0,
        empty: '',
      });
      expect(headersOf({action: '/a', protocol: 'json', data, idempotencyKey: 'k-1', nonce: 'n'})).to.deep.equal({
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'k-1',
      });
    });

    it('form: urlencoded, true as "1", false/null/undefined left out', () => {
      const {init} = encodeRequest({action: '/a', protocol: 'form', data, idempotencyKey: 'k-2'});
      const body = init.body as string;
      const params = new URLSearchParams(body);
      expect([...params.keys()]).to.deep.equal(['email', 'first_name', 'consent', 'fill_ms', 'zero', 'empty']);
      expect(params.get('first_name')).to.equal('Ana & Bo');
      expect(body).to.contain('first_name=Ana+%26+Bo');
      expect(params.get('consent')).to.equal('1');
      expect(params.get('fill_ms')).to.equal('5000');
      expect(params.get('zero')).to.equal('0');
      expect(params.has('offer')).to.equal(false);
      expect(headersOf({action: '/a', protocol: 'form', data, idempotencyKey: 'k-2'})).to.deep.equal({
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Idempotency-Key': 'k-2',
      });
    });

    it('json and form: no Idempotency-Key header without a key', () => {
      expect(headerNames({action: '/a', protocol: 'json', data})).to.deep.equal(['accept', 'content-type']);
      expect(headerNames({action: '/a', protocol: 'form', data})).to.deep.equal(['accept', 'content-type']);
    });

    it('wordpress: JSON with X-WP-Nonce, never an Idempotency-Key (not in the REST CORS allow-list)', () => {
      const req: SubmitRequest = {
        action: '/wp-json/wp/v2/comments',
        protocol: 'wordpress',
        data: {post: 7, content: 'Hi', author_url: null},
        nonce: 'abc123',
        idempotencyKey: 'k-3',
      };
      expect(headersOf(req)).to.deep.equal({Accept: 'application/json', 'Content-Type': 'application/json', 'X-WP-Nonce': 'abc123'});
      expect(JSON.parse(encodeRequest(req).init.body as string)).to.deep.equal({post: 7, content: 'Hi'});
      expect(headerNames({...req, nonce: undefined})).to.deep.equal(['accept', 'content-type']);
      expect(headerNames({...req, nonce: ''})).to.deep.equal(['accept', 'content-type']);
    });

    it("wordpress: X-WP-Nonce goes only to the page's own origin", () => {
      const req: SubmitRequest = {action: '/wp-json/wp/v2/comments', protocol: 'wordpress', data: {post: 7}, nonce: 'abc123'};
      const page = 'https://blog.example/2024/leaky-gut/';
      expect(headersOf({...req, action: 'https://blog.example/wp-json/wp/v2/comments'}, page)['X-WP-Nonce']).to.equal('abc123');
      expect(headersOf({...req, action: '/wp-json/wp/v2/comments'}, page)['X-WP-Nonce']).to.equal('abc123');
      for (const action of [
        'https://other.example/wp-json/wp/v2/comments',
        'http://blog.example/wp-json/wp/v2/comments',
        'https://blog.example:8443/wp-json/wp/v2/comments',
        '//other.example/wp-json/wp/v2/comments',
        'https://blog.example.other.example/wp-json/wp/v2/comments',
      ]) {
        expect(headersOf({...req, action}, page), action).to.deep.equal({Accept: 'application/json', 'Content-Type': 'application/json'});
      }
      expect(headersOf(req, null), 'no page to compare with').to.not.have.property('X-WP-Nonce');
    });

    it('wordpress-classic: a CORS simple request (urlencoded, Accept text/html, no custom header)', () => {
      const req: SubmitRequest = {
        action: '/wp-comments-post.php',
        protocol: 'wordpress-classic',
        data: {
          comment: 'Line 1\nLine 2 ü',
          author: 'Ana',
          email: 'ana@example.com',
          url: '',
          comment_post_ID: 12,
          comment_parent: 0,
          'wp-comment-cookies-consent': true,
        },
        nonce: 'abc',
        idempotencyKey: 'k-4',
      };
      expect(headersOf(req)).to.deep.equal({Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded'});
      const params = new URLSearchParams(encodeRequest(req).init.body as string);
      expect(params.get('comment')).to.equal('Line 1\nLine 2 ü');
      expect(params.get('comment_post_ID')).to.equal('12');
      expect(params.get('comment_parent')).to.equal('0');
      expect(params.get('wp-comment-cookies-consent')).to.equal('1');
    });

    it('encodes the same data to byte-identical bodies (the controller relies on it)', () => {
      const a = encodeRequest({action: '/a', protocol: 'json', data: {a: 1, b: 'x'}, idempotencyKey: 'one'});
      const b = encodeRequest({action: '/a', protocol: 'json', data: {a: 1, b: 'x'}, idempotencyKey: 'two'});
      expect(a.init.body).to.equal(b.init.body);
    });
  });
});
