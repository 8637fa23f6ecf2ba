/**
 * care-elements: the classes, controllers, types and default content, without registering any
 * tag (import `care-elements/define.js` or one `care-elements/elements/<name>/define.js` for that).
 */
export {CareSymptomList} from './elements/symptom-list/symptom-list.js';
export {CareCauseList} from './elements/cause-list/cause-list.js';
export {CareTreatmentChecklist} from './elements/treatment-checklist/treatment-checklist.js';
export {CareGuideSignup} from './elements/guide-signup/guide-signup.js';
export {CareCommentForm} from './elements/comment-form/comment-form.js';
export {CareElement} from './elements/care-element.js';
export {CareListElement} from './elements/list-base.js';
export {ItemsSourceController} from './controllers/items-source.js';
export type {DefaultList, ItemsChannel, LightContent, ListContent, ListOverrides, ListSources} from './lib/list-content.js';
export {PersistedIdsController} from './controllers/persisted-ids.js';
export {LocaleController} from './controllers/locale.js';
export {SubmissionController, type SubmissionOptions} from './controllers/submission.js';
export {FormController, type FieldSpec, type FormStatus} from './controllers/form.js';
export {DraftController} from './controllers/draft.js';
export {encodeRequest, isProtocol, PROTOCOLS, type Protocol, type SubmitRequest} from './lib/protocols.js';
export {mapResponse, type Outcome, type ResponseLike} from './lib/outcome.js';
export {ARTICLE, type ArticleContent, type ArticleList, type CareItem} from './content/article.js';
export {CATALOGUES, resolveLang, type CareLang, type CareStrings} from './i18n/index.js';
export type {CareCancelReplyDetail, CareChangeDetail, CareErrorDetail, CareEventMap, CareSubmitDetail, CareSuccessDetail} from './events.js';
