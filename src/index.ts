/**
 * care-elements: the classes, controllers, types and default content, without registering any
 * tag (import `care-elements/define.js` or one `care-elements/elements/<name>/define.js` for that).
 */
export {CareSymptomList} from './elements/symptom-list/symptom-list.js';
export {CareCauseList} from './elements/cause-list/cause-list.js';
export {CareTreatmentChecklist} from './elements/treatment-checklist/treatment-checklist.js';
export {CareListElement} from './elements/list-base.js';
export {ItemsSourceController, type ItemsChannel, type LightContent} from './controllers/items-source.js';
export {PersistedIdsController} from './controllers/persisted-ids.js';
export {LocaleController} from './controllers/locale.js';
export {ARTICLE, type ArticleContent, type ArticleList, type CareItem} from './content/article.js';
export {CATALOGUES, resolveLang, type CareLang, type CareStrings} from './i18n/index.js';
export type {CareChangeDetail, CareErrorDetail} from './events.js';
