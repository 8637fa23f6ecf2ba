/**
 * What the JSX typings (`care-elements/react`, `care-elements/preact`) know of each tag, written
 * once for both frameworks: the properties a page sets, the attributes whose names differ from
 * their property's, and the events the tag fires. Types only, taken from the element classes and
 * events.ts so that they cannot drift from them; test/node/jsx.test.mjs checks the props each
 * framework ends up with against custom-elements.json.
 */
import type {CareCauseList} from '../elements/cause-list/cause-list.js';
import type {CareCommentForm} from '../elements/comment-form/comment-form.js';
import type {CareGuideSignup} from '../elements/guide-signup/guide-signup.js';
import type {CareSymptomList} from '../elements/symptom-list/symptom-list.js';
import type {CareTreatmentChecklist} from '../elements/treatment-checklist/treatment-checklist.js';
import type {CareEventMap} from '../events.js';

/** The five tags' classes. */
export interface CareElements {
  'care-symptom-list': CareSymptomList;
  'care-cause-list': CareCauseList;
  'care-treatment-checklist': CareTreatmentChecklist;
  'care-guide-signup': CareGuideSignup;
  'care-comment-form': CareCommentForm;
}

/** One of the five tags. */
export type CareTagName = keyof CareElements;

/**
 * An attribute's value in JSX: a number also as its text (`keep-days="7"`, as in HTML), a boolean
 * as `B`, the values the framework writes correctly (see each framework's typings).
 */
type AttributeValue<T, B> = T extends boolean ? B : T extends number ? T | `${number}` : T;

/** An event as its handler receives it: the element's `CustomEvent<Detail>`, with `currentTarget` the element. */
export type CareEventOf<K extends keyof CareEventMap, E> = CareEventMap[K] & {readonly currentTarget: E};

/**
 * The own props of tag `T`: `P`, the properties a page may set (not the read-only getters), by their
 * names; `A`, each attribute whose name is not its property's, with that property; `V`, the events
 * it fires (its `@fires`), each with a handler named `on` and the event's name as it is; `B`, what a
 * boolean attribute takes. The constraints make a name that the class or events.ts does not have a
 * compile error.
 */
type OwnProps<T extends CareTagName, P extends keyof CareElements[T], A extends Record<string, P>, V extends keyof CareEventMap, B> = Partial<
  Pick<CareElements[T], P>
> & {
  [N in keyof A]?: AttributeValue<CareElements[T][A[N]], B>;
} & {
  [K in V as `on${K}`]?: (event: CareEventOf<K, CareElements[T]>) => void;
};

/** The properties the three lists share (CareListElement's, and CareElement's `strings`). */
type ListProperties = 'items' | 'src' | 'heading' | 'headingLevel' | 'caution' | 'strings';

/**
 * Each tag's own props, apart from the framework's HTML attributes: its properties with their
 * class's types (set as properties once the tag is defined), its attributes of other names (set as
 * attributes: what server rendering writes) and a handler per event (`oncare-change`, which React
 * 19 and Preact pass to `addEventListener('care-change', …)`). `B`: what a boolean attribute takes.
 */
export interface CareTagProps<B = boolean> {
  'care-symptom-list': OwnProps<
    'care-symptom-list',
    'selectable' | 'persist' | 'storageKey' | 'keepDays' | ListProperties,
    {'storage-key': 'storageKey'; 'keep-days': 'keepDays'; 'heading-level': 'headingLevel'},
    'care-change' | 'care-error',
    B
  >;
  'care-cause-list': OwnProps<'care-cause-list', ListProperties, {'heading-level': 'headingLevel'}, 'care-error', B>;
  'care-treatment-checklist': OwnProps<
    'care-treatment-checklist',
    'storageKey' | 'noPersist' | 'keepDays' | ListProperties,
    {'storage-key': 'storageKey'; 'no-persist': 'noPersist'; 'keep-days': 'keepDays'; 'heading-level': 'headingLevel'},
    'care-change' | 'care-error',
    B
  >;
  'care-guide-signup': OwnProps<
    'care-guide-signup',
    'action' | 'protocol' | 'guideUrl' | 'offer' | 'nameField' | 'consentRequired' | 'consentText' | 'heading' | 'headingLevel' | 'strings',
    {
      'guide-url': 'guideUrl';
      'name-field': 'nameField';
      'consent-required': 'consentRequired';
      'consent-text': 'consentText';
      'heading-level': 'headingLevel';
    },
    'care-submit' | 'care-success' | 'care-error',
    B
  >;
  'care-comment-form': OwnProps<
    'care-comment-form',
    'action' | 'protocol' | 'postId' | 'parentId' | 'replyTo' | 'wpNonce' | 'nonceUrl' | 'heading' | 'keepDays' | 'headingLevel' | 'strings',
    {
      'post-id': 'postId';
      'parent-id': 'parentId';
      'reply-to': 'replyTo';
      'wp-nonce': 'wpNonce';
      'nonce-url': 'nonceUrl';
      'keep-days': 'keepDays';
      'heading-level': 'headingLevel';
    },
    'care-submit' | 'care-success' | 'care-error' | 'care-cancel-reply',
    B
  >;
}
