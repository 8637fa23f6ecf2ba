import {CareSymptomList} from './symptom-list.js';
import {defineElement} from '../define-element.js';

defineElement('care-symptom-list', CareSymptomList);

declare global {
  interface HTMLElementTagNameMap {
    'care-symptom-list': CareSymptomList;
  }
}
