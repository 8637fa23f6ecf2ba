import {CareGuideSignup} from './guide-signup.js';
import {defineElement} from '../shared.js';

defineElement('care-guide-signup', CareGuideSignup);

declare global {
  interface HTMLElementTagNameMap {
    'care-guide-signup': CareGuideSignup;
  }
}
