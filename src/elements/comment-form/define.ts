import {CareCommentForm} from './comment-form.js';
import {defineElement} from '../define-element.js';

defineElement('care-comment-form', CareCommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'care-comment-form': CareCommentForm;
  }
}
