import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import type {CareItem} from '../../src/content/article.js';
import {ItemsSourceController} from '../../src/controllers/items-source.js';
import {captureConsole, type ConsoleCapture} from '../helpers/console.js';

class ItemsHost extends LitElement {
  static override properties = {items: {attribute: false}, src: {}};
  items: CareItem[] | null = null;
  src: string | null = null;
  readonly source = new ItemsSourceController(this, () => [{id: 'fallback', label: 'Fallback'}]);
  /** What the controller resolved at each render. */
  readonly seen: string[] = [];

  override render() {
    const state = `${this.source.channel}${this.source.loading ? ' (loading)' : ''}: ${this.source.items.map((i) => i.id).join(',')}`;
    this.seen.push(state);
    return html`<p>${state}</p>`;
  }
}
customElements.define('test-items-host', ItemsHost);

const state = (el: ItemsHost) => el.seen[el.seen.length - 1];

describe('ItemsSourceController', () => {
  let log: ConsoleCapture;
  beforeEach(() => {
    log = captureConsole();
  });
  afterEach(() => log.restore());

  it('falls back to the default channel', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host></test-items-host>`);
    expect(state(el)).to.equal('default: fallback');
  });

  it('reads light DOM, with ids from data-id, id or the label', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host><ul><li data-id="a">A</li><li id="b">B</li><li>Cé  c</li></ul></test-items-host>`);
    expect(state(el)).to.equal('light: a,b,ce-c');
    expect(el.source.light!.items[2].label).to.equal('Cé c');
  });

  it('ignores a list that is not a direct child', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host><div><ul><li>Nested</li></ul></div></test-items-host>`);
    expect(state(el)).to.equal('default: fallback');
  });

  it('is loading, with no items, while src loads and no light DOM can stand in', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host src="/test/fixtures/items-array.json"></test-items-host>`);
    expect(el.seen[0]).to.equal('src (loading): ');
    await waitUntil(() => state(el) === 'src: water,walk,sleep', 'src loaded');
  });

  it('shows light DOM while src loads', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host src="/test/fixtures/items-array.json"><ul><li>L</li></ul></test-items-host>`);
    expect(el.seen[0]).to.equal('light: l');
    await waitUntil(() => state(el) === 'src: water,walk,sleep', 'src loaded');
  });

  it('only shows the last src when src changes while loading, without an error', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host src="/test/fixtures/items-array.json"></test-items-host>`);
    el.src = '/test/fixtures/items-object.json';
    await waitUntil(() => state(el) === 'src: tea,broth', 'second src');
    await new Promise((r) => setTimeout(r, 100));
    expect(el.seen.some((s) => s.includes('water'))).to.equal(false);
    expect(log.errors).to.deep.equal([]);
  });

  it('drops a pending load when src is removed', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host src="/test/fixtures/items-array.json"></test-items-host>`);
    el.src = null;
    await el.updateComplete;
    expect(state(el)).to.equal('default: fallback');
    await new Promise((r) => setTimeout(r, 150));
    expect(state(el)).to.equal('default: fallback');
    expect(log.errors).to.deep.equal([]);
  });

  it('stops watching light DOM while disconnected and aborts the load', async () => {
    const el = await fixture<ItemsHost>(html`<test-items-host src="/test/fixtures/items-array.json"></test-items-host>`);
    el.remove();
    await new Promise((r) => setTimeout(r, 150));
    expect(el.seen.some((s) => s.includes('water'))).to.equal(false);
    expect(log.errors).to.deep.equal([]);
  });
});
