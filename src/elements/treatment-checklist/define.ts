import {CareTreatmentChecklist} from './treatment-checklist.js';
import {defineElement} from '../define-element.js';

defineElement('care-treatment-checklist', CareTreatmentChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'care-treatment-checklist': CareTreatmentChecklist;
  }
}
