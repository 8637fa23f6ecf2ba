import {CareGuideSignup} from './guide-signup.js';
import {defineElement} from '../define-element.js';

defineElement('care-guide-signup', CareGuideSignup);

declare global {
  interface HTMLElementTagNameMap {
    'care-guide-signup': CareGuideSignup;
  }
}
