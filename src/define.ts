/**
 * Registers every care-elements tag. The entry of the drop-in bundle `dist/care-elements.js`.
 * Safe to load twice: a tag that is already defined is kept, with one console warning.
 */
import './elements/symptom-list/define.js';
import './elements/cause-list/define.js';
import './elements/treatment-checklist/define.js';
import './elements/guide-signup/define.js';
import './elements/comment-form/define.js';

export * from './index.js';
