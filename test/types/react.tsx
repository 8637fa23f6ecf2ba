// `care-elements/react` as a React 19 project sees it: compiled by `npm run test:types` (tsc, after
// `npm run build`) against the built package's .d.ts. Every `@ts-expect-error` must meet an error,
// or tsc fails: a wrong prop that type-checks is a failure too.
import type {} from 'care-elements/react';
import {useRef} from 'react';
import type {CareCauseList, CareCommentForm, CareItem, CareSymptomList} from 'care-elements';

const items: CareItem[] = [{id: 'water', label: 'Drink water'}];

export function Correct() {
  const symptoms = useRef<CareSymptomList>(null);
  const form = useRef<CareCommentForm>(null);
  return (
    <>
      <care-symptom-list
        ref={symptoms}
        selectable
        persist={false}
        storageKey="gut"
        keepDays={7}
        items={items}
        heading="Symptoms"
        headingLevel={2}
        caution=""
        strings={{symptomsForget: 'Forget'}}
        className="wide"
        id="symptoms"
        lang="es"
        hidden={false}
        key="symptoms"
        oncare-change={(event) => {
          const ids: string[] = event.detail.ids;
          const done: number = event.detail.done;
          event.currentTarget.clear();
          return [ids, done, event.detail.total];
        }}
        oncare-error={(event) => event.detail.source satisfies 'src' | 'submit' | 'config'}
      />
      <care-symptom-list selectable storage-key="gut" keep-days="7" heading-level={3}>
        <h2>Symptoms</h2>
        <ul>
          <li data-id="bloating">Gas and bloating</li>
        </ul>
      </care-symptom-list>
      <care-cause-list src="/causes.json" heading-level="2" oncare-error={(event) => event.detail.url} />
      <care-treatment-checklist noPersist no-persist={false} keep-days={0} storage-key="plan" oncare-change={(event) => event.currentTarget.reset()} />
      <care-guide-signup
        action="/api/guide-signups"
        protocol="form"
        offer
        name-field
        consentRequired={false}
        consent-text="Yes, please"
        guide-url="/guide.pdf"
        oncare-submit={(event) => {
          if (!event.detail.action) event.preventDefault();
          return event.detail.data.email;
        }}
        oncare-success={(event) => event.detail.link ?? event.detail.pending}
        oncare-error={(event) => event.detail.outcome}
      />
      <care-comment-form
        ref={form}
        action="/wp-json/wp/v2/comments"
        protocol="wordpress"
        post-id="42"
        parentId={null}
        reply-to="Ann"
        wp-nonce="abc"
        nonce-url="/wp-admin/admin-ajax.php?action=rest-nonce"
        keepDays={30}
        style={{maxWidth: '40rem'}}
        oncare-cancel-reply={(event) => event.detail.parentId.length}
      />
    </>
  );
}

export function Wrong() {
  const causes = useRef<CareCauseList>(null);
  return (
    <>
      {/* A number where a string attribute goes. */}
      {/* @ts-expect-error storage-key is text */}
      <care-symptom-list storage-key={5} />
      {/* @ts-expect-error src is a URL, not a number */}
      <care-cause-list src={404} />
      {/* A string for a boolean property. */}
      {/* @ts-expect-error selectable is a boolean */}
      <care-symptom-list selectable="true" />
      {/* @ts-expect-error no-persist is a boolean attribute */}
      <care-treatment-checklist no-persist="yes" />
      {/* @ts-expect-error keep-days is a number or its text */}
      <care-comment-form keep-days="thirty" />
      {/* @ts-expect-error the signup speaks json or form only */}
      <care-guide-signup protocol="wordpress" />
      {/* @ts-expect-error items are {id, label} objects */}
      <care-cause-list items={['leaky']} />
      {/* An unknown event detail field. */}
      {/* @ts-expect-error CareChangeDetail has ids, done and total */}
      <care-symptom-list oncare-change={(event) => event.detail.count} />
      {/* @ts-expect-error care-success's detail has no message */}
      <care-guide-signup oncare-success={(event) => event.detail.message} />
      {/* Unknown props: a misspelt property, React's camel-case event naming (it would listen for "CareChange"). */}
      {/* @ts-expect-error there is no property colour */}
      <care-cause-list colour="red" />
      {/* @ts-expect-error the handler prop is oncare-change */}
      <care-symptom-list onCareChange={() => {}} />
      {/* @ts-expect-error keepdays is neither the property (keepDays) nor the attribute (keep-days) */}
      <care-symptom-list keepdays={3} />
      {/* An event the element does not fire: TypeScript lets a dashed name through, untyped (an implicit any). */}
      {/* @ts-expect-error the cause list fires no care-change */}
      <care-cause-list oncare-change={(event) => event} />
      {/* @ts-expect-error a ref of another element's class */}
      <care-symptom-list ref={causes} />
      {/* @ts-expect-error shownItems is read-only */}
      <care-cause-list shownItems={[]} />
    </>
  );
}
