// `care-elements/preact` as a Preact 10 project sees it (jsxImportSource preact): compiled by
// `npm run test:types` (tsc, after `npm run build`) against the built package's .d.ts. Every
// `@ts-expect-error` must meet an error, or tsc fails: a wrong prop that type-checks is a failure too.
import type {} from 'care-elements/preact';
import {useRef} from 'preact/hooks';
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
        class="wide"
        id="symptoms"
        lang="es"
        key="symptoms"
        oncare-change={(event) => {
          const ids: string[] = event.detail.ids;
          event.currentTarget.clear();
          return ids;
        }}
        oncare-error={(event) => event.detail.source satisfies 'src' | 'submit' | 'config'}
      />
      <care-symptom-list selectable storage-key="gut" keep-days="7" heading-level={3}>
        <h2>Symptoms</h2>
        <ul>
          <li data-id="bloating">Gas and bloating</li>
        </ul>
      </care-symptom-list>
      <care-cause-list src="/causes.json" oncare-error={(event) => event.detail.url} />
      <care-treatment-checklist noPersist={false} no-persist keep-days={0} oncare-change={(event) => event.currentTarget.reset()} />
      <care-guide-signup
        action="/api/guide-signups"
        protocol="json"
        offer
        name-field
        nameField={false}
        consent-required
        guide-url="/guide.pdf"
        oncare-submit={(event) => event.detail.protocol}
        oncare-success={(event) => event.detail.response}
        oncare-error={(event) => event.detail.message}
      />
      <care-comment-form
        ref={form}
        action="/wp-json/wp/v2/comments"
        post-id="42"
        parent-id="7"
        heading-level={2}
        oncare-cancel-reply={(event) => event.detail.parentId}
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
      {/* A string for a boolean property. */}
      {/* @ts-expect-error selectable is a boolean */}
      <care-symptom-list selectable="true" />
      {/* @ts-expect-error no-persist is a boolean attribute */}
      <care-treatment-checklist no-persist="yes" />
      {/* Preact writes name-field={false} as name-field="false", which Lit reads as true: nameField={false} instead. */}
      {/* @ts-expect-error a boolean attribute is present (true) or left out */}
      <care-guide-signup name-field={false} />
      {/* An unknown event detail field. */}
      {/* @ts-expect-error CareChangeDetail has ids, done and total */}
      <care-treatment-checklist oncare-change={(event) => event.detail.count} />
      {/* Unknown props. */}
      {/* @ts-expect-error there is no property colour */}
      <care-cause-list colour="red" />
      {/* @ts-expect-error the handler prop is oncare-change */}
      <care-symptom-list onCareChange={() => {}} />
      {/* @ts-expect-error a ref of another element's class */}
      <care-symptom-list ref={causes} />
    </>
  );
}
