import {expect} from '@open-wc/testing';
import {captureConsole, clearListStorage, installBlockedStorage, installFullStorage, type ConsoleCapture} from '../helpers/lists.js';

type StorageModule = typeof import('../../src/lib/storage.js');

// The wrapper warns once per page: a fresh module instance per test (a new URL is a new module)
// gives every test its own "page".
let copies = 0;
const freshStorage = (): Promise<StorageModule> =>
  import(/* @vite-ignore */ `${new URL('../../src/lib/storage.ts', import.meta.url).href}?copy=${++copies}`);

describe('lib/storage', () => {
  let log: ConsoleCapture;
  let undo: (() => void) | undefined;

  beforeEach(() => {
    clearListStorage();
    log = captureConsole();
  });

  afterEach(() => {
    undo?.();
    undo = undefined;
    log.restore();
    clearListStorage();
  });

  it('writes, reads and removes through localStorage', async () => {
    const s = await freshStorage();
    expect(s.writeStored('test-a', 'one')).to.equal(true);
    expect(localStorage.getItem('test-a')).to.equal('one');
    expect(s.readStored('test-a')).to.equal('one');
    s.removeStored('test-a');
    expect(localStorage.getItem('test-a')).to.equal(null);
    expect(s.readStored('test-a')).to.equal(null);
    expect(log.warns).to.deep.equal([]);
  });

  it('reads a value written by someone else', async () => {
    const s = await freshStorage();
    localStorage.setItem('test-b', '["x"]');
    expect(s.readStoredJson('test-b')).to.deep.equal(['x']);
  });

  it('returns undefined for missing or corrupt JSON without throwing', async () => {
    const s = await freshStorage();
    localStorage.setItem('test-c', '{not json');
    expect(s.readStoredJson('test-c')).to.equal(undefined);
    expect(s.readStoredJson('test-missing')).to.equal(undefined);
  });

  describe('when storage is full (QuotaExceededError)', () => {
    it('keeps values in memory and warns once', async () => {
      const s = await freshStorage();
      undo = installFullStorage();
      expect(s.writeStored('test-d', 'one')).to.equal(false);
      expect(s.writeStored('test-d', 'two')).to.equal(false);
      expect(s.writeStored('test-e', 'three')).to.equal(false);
      expect(s.readStored('test-d')).to.equal('two');
      expect(s.readStored('test-e')).to.equal('three');
      expect(localStorage.getItem('test-d')).to.equal(null);
      expect(log.warns).to.have.length(1);
      expect(log.warns[0]).to.contain('QuotaExceededError').and.contain('in memory');
    });

    it('goes back to localStorage once a write succeeds again', async () => {
      const s = await freshStorage();
      undo = installFullStorage();
      s.writeStored('test-f', 'memory');
      undo();
      undo = undefined;
      expect(s.writeStored('test-f', 'disk')).to.equal(true);
      expect(localStorage.getItem('test-f')).to.equal('disk');
      expect(s.readStored('test-f')).to.equal('disk');
    });

    it('forgets a value kept in memory on remove', async () => {
      const s = await freshStorage();
      undo = installFullStorage();
      s.writeStored('test-g', 'memory');
      s.removeStored('test-g');
      expect(s.readStored('test-g')).to.equal(null);
    });
  });

  describe('when storage is blocked (SecurityError on access)', () => {
    it('never throws, keeps values in memory and warns once', async () => {
      const s = await freshStorage();
      undo = installBlockedStorage();
      expect(() => window.localStorage).to.throw();
      expect(s.readStored('test-h')).to.equal(null);
      expect(s.writeStored('test-h', '["a"]')).to.equal(false);
      expect(s.readStoredJson('test-h')).to.deep.equal(['a']);
      expect(() => s.removeStored('test-h')).not.to.throw();
      expect(s.readStored('test-h')).to.equal(null);
      expect(log.warns).to.have.length(1);
      expect(log.warns[0]).to.contain('SecurityError');
    });
  });

  it('restores window.localStorage after the blocked-storage helper is undone', () => {
    const restore = installBlockedStorage();
    restore();
    localStorage.setItem('test-i', 'ok');
    expect(localStorage.getItem('test-i')).to.equal('ok');
  });
});
