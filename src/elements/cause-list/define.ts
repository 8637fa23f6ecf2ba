import {CareCauseList} from './cause-list.js';
import {defineElement} from '../define-element.js';

defineElement('care-cause-list', CareCauseList);

declare global {
  interface HTMLElementTagNameMap {
    'care-cause-list': CareCauseList;
  }
}
