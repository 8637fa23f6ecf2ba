import {expect} from '@open-wc/testing';
import {captureConsoleEachTest} from '../helpers/console.js';
import {installBlockedStorage, installFullStorage, storageEachTest, storeRecordAged} from '../helpers/storage.js';

type StorageModule = typeof import('../../src/lib/storage.js');
/** The envelope writeRecord stores: `{"v":1,"at":...,"value":...}`. */
type Envelope = {v: number; at: number; value: unknown};

// The wrapper warns once per page: a fresh module instance per test (a new URL is a new module)
// gives every test its own "page".
let copies = 0;
const freshStorage = (): Promise<StorageModule> =>
  import(/* @vite-ignore */ `${new URL('../../src/lib/storage.ts', import.meta.url).href}?copy=${++copies}`);

describe('lib/storage', () => {
  const storage = storageEachTest();
  const log = captureConsoleEachTest();

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
      storage.throwing(installFullStorage);
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
      const undo = storage.throwing(installFullStorage);
      s.writeStored('test-f', 'memory');
      undo();
      expect(s.writeStored('test-f', 'disk')).to.equal(true);
      expect(localStorage.getItem('test-f')).to.equal('disk');
      expect(s.readStored('test-f')).to.equal('disk');
    });

    it('forgets a value kept in memory on remove', async () => {
      const s = await freshStorage();
      storage.throwing(installFullStorage);
      s.writeStored('test-g', 'memory');
      s.removeStored('test-g');
      expect(s.readStored('test-g')).to.equal(null);
    });
  });

  describe('when storage is blocked (SecurityError on access)', () => {
    it('never throws, keeps values in memory and warns once', async () => {
      const s = await freshStorage();
      storage.throwing(installBlockedStorage);
      expect(s.readStored('test-h')).to.equal(null);
      expect(s.writeStored('test-h', '["a"]')).to.equal(false);
      expect(s.readStoredJson('test-h')).to.deep.equal(['a']);
      expect(() => s.removeStored('test-h')).not.to.throw();
      expect(s.readStored('test-h')).to.equal(null);
      expect(log.warns).to.have.length(1);
      expect(log.warns[0]).to.contain('SecurityError');
    });
  });

  describe('records: a time and an expiry', () => {
    const DAY = 86_400_000;

    it('writes a versioned envelope with the time of the write', async () => {
      const s = await freshStorage();
      const before = Date.now();
      expect(s.writeRecord('test-r1', ['a', 'b'], 30)).to.equal(true);
      const record = JSON.parse(localStorage.getItem('test-r1')!) as Envelope;
      expect(Object.keys(record)).to.deep.equal(['v', 'at', 'value']);
      expect(record.v).to.equal(1);
      expect(record.at).to.be.within(before, Date.now());
      expect(record.value).to.deep.equal(['a', 'b']);
      expect(s.readRecord('test-r1', 30)).to.deep.equal(['a', 'b']);
    });

    it('reads a record until it is older than its days, then removes it', async () => {
      const s = await freshStorage();
      storeRecordAged('test-r2', 'kept', 29);
      expect(s.readRecord('test-r2', 30)).to.equal('kept');
      storeRecordAged('test-r3', 'gone', 31);
      expect(s.readRecord('test-r3', 30)).to.equal(undefined);
      expect(localStorage.getItem('test-r3')).to.equal(null);
      storeRecordAged('test-r4', 'two days', 2);
      expect(s.readRecord('test-r4', 1)).to.equal(undefined);
      expect(localStorage.getItem('test-r4')).to.equal(null);
    });

    it('reads what the previous version stored (bare values) as written now, rewriting it as a record', async () => {
      const s = await freshStorage();
      localStorage.setItem('test-r5', 'A draft, not JSON');
      localStorage.setItem('test-r6', '42');
      localStorage.setItem('test-r7', '["x","y"]');
      localStorage.setItem('test-r8', '{"author":"Ana"}');
      const before = Date.now();
      expect(s.readRecord('test-r5', 30, String)).to.equal('A draft, not JSON');
      expect(s.readRecord('test-r6', 30, String), 'a draft that happens to be JSON stays text').to.equal('42');
      expect(s.readRecord('test-r7', 30)).to.deep.equal(['x', 'y']);
      expect(s.readRecord('test-r8', 30)).to.deep.equal({author: 'Ana'});
      const rewritten = JSON.parse(localStorage.getItem('test-r7')!) as Envelope;
      expect(rewritten.v).to.equal(1);
      expect(rewritten.at).to.be.at.least(before);
      expect(rewritten.value).to.deep.equal(['x', 'y']);
      expect((JSON.parse(localStorage.getItem('test-r5')!) as Envelope).value).to.equal('A draft, not JSON');
    });

    it('returns undefined for a corrupt value without throwing', async () => {
      const s = await freshStorage();
      localStorage.setItem('test-r9', '{not json');
      expect(s.readRecord('test-r9', 30)).to.equal(undefined);
      expect(s.readRecord('test-missing', 30)).to.equal(undefined);
    });

    it('days 0 keeps a record in memory for this page only, and expires one left in localStorage', async () => {
      const s = await freshStorage();
      expect(s.writeRecord('test-r10', 'page only', 0)).to.equal(false);
      expect(localStorage.getItem('test-r10')).to.equal(null);
      expect(s.readRecord('test-r10', 0)).to.equal('page only');
      expect(s.inMemory('test-r10')).to.equal(true);
      storeRecordAged('test-r11', 'from before', 0);
      expect(s.readRecord('test-r11', 0)).to.equal(undefined);
      expect(localStorage.getItem('test-r11')).to.equal(null);
      expect(log.warns).to.deep.equal([]);
    });

    it('with blocked storage, keeps records in memory and reads them back', async () => {
      const s = await freshStorage();
      storage.throwing(installBlockedStorage);
      expect(s.writeRecord('test-r12', ['a'], 30)).to.equal(false);
      expect(s.readRecord('test-r12', 30)).to.deep.equal(['a']);
      expect(s.inMemory('test-r12')).to.equal(true);
      expect(log.warns).to.have.length(1);
    });

    it('with full storage, keeps records in memory; a record in memory expires too', async () => {
      const s = await freshStorage();
      storage.throwing(installFullStorage);
      expect(s.writeRecord('test-r13', 'draft', 30)).to.equal(false);
      expect(s.readRecord('test-r13', 30)).to.equal('draft');
      const realNow = Date.now;
      Date.now = () => realNow() + 31 * DAY;
      try {
        expect(s.readRecord('test-r13', 30)).to.equal(undefined);
      } finally {
        Date.now = realNow;
      }
      expect(s.inMemory('test-r13')).to.equal(false);
    });
  });
});
