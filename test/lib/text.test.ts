import {expect} from '@open-wc/testing';
import {charLength, isEmail, lengthLeft, utf8Length} from '../../src/lib/text.js';

describe('lengthLeft: a limit told in characters, whatever the server counts', () => {
  it('characters, as a REST schema counts: an emoji is one character', () => {
    expect(charLength('ab😀')).to.equal(3);
    expect(lengthLeft('a'.repeat(95), 100)).to.equal(5);
    expect(lengthLeft('😀'.repeat(95), 100)).to.equal(5);
    expect(lengthLeft('a'.repeat(103), 100)).to.equal(-3);
  });

  it('UTF-8 bytes, as WordPress counts its comment columns: room for characters like the widest typed', () => {
    expect(lengthLeft('a'.repeat(230), 245, utf8Length)).to.equal(15);
    // 115 "é" take 230 bytes: 15 bytes hold 7 more of them.
    expect(lengthLeft('é'.repeat(115), 245, utf8Length)).to.equal(7);
    expect(lengthLeft(`${'a'.repeat(200)}😀`, 245, utf8Length)).to.equal(10);
  });

  it('over the limit: exactly how many characters to take off the end', () => {
    // 123 "é" are 246 bytes: one "é" off makes 244, which fits in 245.
    expect(lengthLeft('é'.repeat(123), 245, utf8Length)).to.equal(-1);
    expect(lengthLeft('b'.repeat(250), 245, utf8Length)).to.equal(-5);
    // Two ASCII letters after an emoji: the letters, then the emoji, must go.
    expect(lengthLeft(`${'a'.repeat(243)}😀bc`, 245, utf8Length)).to.equal(-3);
    expect(lengthLeft('', 0, utf8Length)).to.equal(0);
  });
});

describe("isEmail: WordPress's is_email(), what its comment handlers accept (each case checked against WordPress 6.1's)", () => {
  it("takes ordinary addresses, the local part's special characters, and hyphens inside a domain label", () => {
    const taken = ['name@example.com', 'first.last+tag@mail.example.org', "o'brien@ex-ample.co.uk", 'a_b{c}|~@x.io', 'ab@c.de'];
    expect(taken.filter((email) => !isEmail(email))).to.deep.equal([]);
  });

  it('refuses what type="email" takes but WordPress does not, and what neither takes', () => {
    const refused = [
      'name@example', // no dot in the domain
      'a@b.c', // shorter than 6
      '@example.com', // nothing before the @
      'name@-example.com', // a label starting with a hyphen
      'name@example-.com',
      'name@example..com',
      'name@.example.com',
      'name@example.com.',
      'name@exa_mple.com', // an underscore in the domain
      'náme@example.com', // a letter outside ASCII
      'name@exámple.com',
      'na me@example.com',
      'name@example@example.com',
      'name.example.com',
    ];
    expect(refused.filter((email) => isEmail(email))).to.deep.equal([]);
  });
});
