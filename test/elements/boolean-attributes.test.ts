import {expect, fixture} from '@open-wc/testing';
import '../../src/define.js';

/**
 * Boolean attributes are presence attributes that reflect their property both ways, so a page's
 * CSS (`care-guide-signup[offer]`) sees what a script set.
 */
const BOOLEANS = [
  {tag: 'care-symptom-list', attribute: 'selectable', property: 'selectable'},
  {tag: 'care-symptom-list', attribute: 'persist', property: 'persist'},
  {tag: 'care-treatment-checklist', attribute: 'no-persist', property: 'noPersist'},
  {tag: 'care-guide-signup', attribute: 'offer', property: 'offer'},
  {tag: 'care-guide-signup', attribute: 'name-field', property: 'nameField'},
  {tag: 'care-guide-signup', attribute: 'consent-required', property: 'consentRequired'},
] as const;

describe('boolean attributes', () => {
  for (const {tag, attribute, property} of BOOLEANS) {
    it(`<${tag}> ${attribute} <-> ${property}`, async () => {
      const el = await fixture<HTMLElement & Record<string, unknown> & {updateComplete: Promise<boolean>}>(`<${tag} ${attribute}></${tag}>`);
      expect(el[property], 'attribute to property').to.equal(true);
      el[property] = false;
      await el.updateComplete;
      expect(el.hasAttribute(attribute), 'false removes the attribute').to.equal(false);
      el[property] = true;
      await el.updateComplete;
      expect(el.getAttribute(attribute), 'true adds it, empty').to.equal('');
      el.removeAttribute(attribute);
      expect(el[property], 'removing the attribute').to.equal(false);
    });
  }
});
