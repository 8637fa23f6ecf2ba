import {CareSymptomList} from './symptom-list.js';
import {defineElement} from '../shared.js';

defineElement('care-symptom-list', CareSymptomList);

declare global {
  interface HTMLElementTagNameMap {
    'care-symptom-list': CareSymptomList;
  }
}
