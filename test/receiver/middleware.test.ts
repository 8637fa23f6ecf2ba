// The receiver's Koa middleware (demo/receiver/middleware.mjs) as the browser suite uses it:
// mounted in @web/test-runner's own dev server by web-test-runner.config.mjs. The receiver
// answers its routes itself; every other request goes on to the server's file serving.
import {expect} from '@open-wc/testing';
import {realFetch, unique} from '../helpers/network.js';

describe('the receiver mounted in the test runner', () => {
  it("answers its own routes: a post's comments, with the receiver's headers", async () => {
    const res = await realFetch(`/api/comments?post=${unique()}`, {cache: 'no-store'});
    expect(res.status).to.equal(200);
    expect(res.headers.get('Content-Type')).to.equal('application/json; charset=utf-8');
    expect(res.headers.get('Cache-Control')).to.equal('no-store');
    expect(res.headers.get('X-WP-Total')).to.equal('0');
    expect(await res.json()).to.deep.equal([]);
  });

  it('answers a POST with its verdict (a field error: nothing stored)', async () => {
    const res = await realFetch('/api/guide-signups', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({consent: true}),
    });
    expect(res.status).to.equal(400);
    const body = (await res.json()) as {code: string; data: {params: Record<string, unknown>}};
    expect(body.code).to.equal('rest_invalid_param');
    expect(body.data.params).to.have.keys('email');
  });

  it("passes any other path on to the server's files", async () => {
    const res = await realFetch('/test/fixtures/items-array.json', {cache: 'no-store'});
    expect(res.status).to.equal(200);
    const items = (await res.json()) as Array<{id: string}>;
    expect(items.map((i) => i.id)).to.deep.equal(['water', 'walk', 'sleep']);
  });

  it("passes a path beside its routes on, to the server's 404", async () => {
    const res = await realFetch('/api/comments-archive', {cache: 'no-store'});
    expect(res.status).to.equal(404);
    expect(res.headers.get('Content-Type') ?? '', 'not a REST error of the receiver').not.to.contain('application/json');
  });
});
