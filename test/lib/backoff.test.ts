import {expect} from '@open-wc/testing';
import {backoffDelay, parseRetryAfter} from '../../src/lib/backoff.js';

const almostOne = () => 0.999999;

describe('backoff', () => {
  describe('backoffDelay', () => {
    it('doubles the ceiling per attempt from 400 ms up to the 5000 ms cap', () => {
      expect([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, {random: almostOne}))).to.deep.equal([399, 799, 1599, 3199, 4999, 4999, 4999]);
    });

    it('is a uniform pick below the ceiling (full jitter)', () => {
      expect(backoffDelay(1, {random: () => 0})).to.equal(0);
      expect(backoffDelay(1, {random: () => 0.5})).to.equal(200);
      expect(backoffDelay(3, {random: () => 0.25})).to.equal(400);
    });

    it('honours baseMs and capMs', () => {
      expect(backoffDelay(1, {baseMs: 10, capMs: 25, random: almostOne})).to.equal(9);
      expect(backoffDelay(2, {baseMs: 10, capMs: 25, random: almostOne})).to.equal(19);
      expect(backoffDelay(3, {baseMs: 10, capMs: 25, random: almostOne})).to.equal(24);
      expect(backoffDelay(1000, {baseMs: 0, random: almostOne})).to.equal(0);
    });

    it('treats attempts below 1 and non-numbers as the first attempt', () => {
      for (const n of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(backoffDelay(n, {random: almostOne}), String(n)).to.equal(399);
    });

    it('uses Math.random by default, staying within [0, ceiling)', () => {
      const seen = new Set<number>();
      for (let i = 0; i < 200; i++) {
        const ms = backoffDelay(2);
        expect(ms).to.be.within(0, 799);
        expect(Number.isInteger(ms)).to.equal(true);
        seen.add(ms);
      }
      expect(seen.size).to.be.greaterThan(10);
    });
  });

  describe('parseRetryAfter', () => {
    const now = Date.UTC(2025, 0, 1, 0, 0, 0); // Wed, 01 Jan 2025 00:00:00 GMT

    it('gives undefined without a usable value', () => {
      for (const value of [null, '', '   ', 'soon', 'foo 12', '12 s', '1e3', 'Wed, 01 Foo 2025 00:00:30 GMT', 'Wed, 01 Jan 2025 25:00:30 GMT']) {
        expect(parseRetryAfter(value, now), String(value)).to.equal(undefined);
      }
    });

    it('reads delay-seconds as milliseconds', () => {
      expect(parseRetryAfter('0', now)).to.equal(0);
      expect(parseRetryAfter('5', now)).to.equal(5000);
      expect(parseRetryAfter(' 120 ', now)).to.equal(120000);
      expect(parseRetryAfter('1.5', now)).to.equal(1500);
    });

    it('turns a negative delay into 0', () => {
      expect(parseRetryAfter('-3', now)).to.equal(0);
    });

    it('reads the three HTTP-date forms relative to now', () => {
      expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).to.equal(30000);
      expect(parseRetryAfter('Wednesday, 01-Jan-25 00:00:30 GMT', now)).to.equal(30000);
      expect(parseRetryAfter('Wed Jan  1 00:00:30 2025', now)).to.equal(30000);
    });

    it('gives 0 for a date in the past', () => {
      expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).to.equal(0);
    });

    it('uses the current time by default', () => {
      const date = new Date(Date.now() + 10000).toUTCString(); // toUTCString is IMF-fixdate
      expect(parseRetryAfter(date)).to.be.within(8000, 10000);
    });
  });
});
