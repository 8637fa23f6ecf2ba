import {CareCommentForm} from './comment-form.js';
import {defineElement} from '../shared.js';

defineElement('care-comment-form', CareCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'care-comment-form': CareCommentForm;
  }
}
