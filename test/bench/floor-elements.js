// The floor of `npm run bench`: the five widgets written in plain Lit, as a developer would write
// them in an afternoon. The same content (the article's lists and the UI strings, imported from
// src/), the same elements and much the same styles, rendered as Lit renders (in a microtask after
// the upgrade), but none of what care-elements adds: no content channels (a page's light DOM is
// hidden, not read), no language lookup, no persistence, no validation, no submission. Built by
// the same rollup pipeline as dist/care-elements.js. What care-elements costs above this is the
// cost of its behaviour and of how it loads.
import {LitElement, css, html, nothing} from 'lit';
import {ARTICLE} from '../../src/content/article.ts';
import {en as t} from '../../src/i18n/en.ts';

const base = css`
  :host {
    display: block;
    --_accent: light-dark(#0b6b4c, #6fd6aa);
    --_muted: light-dark(#4a5250, #c3cbc8);
    --_surface: light-dark(#f3f6f5, #1b2321);
    --_border: light-dark(#8a9591, #7b8884);
  }
  *, *::before, *::after { box-sizing: border-box; }
  [part~='list'] { padding-inline-start: 40px; }
  [part~='caution'] { color: var(--_muted); font-size: 0.9em; }
  .check { display: flex; align-items: baseline; gap: 0.5rem; }
  input[type='checkbox'] { flex: none; inline-size: 1.25em; block-size: 1.25em; margin: 0; accent-color: var(--_accent); translate: 0 0.15em; }
  .plain { list-style: none; padding-inline-start: 0; }
`;

const forms = css`
  form { display: grid; gap: 1rem; margin: 0; }
  [part~='heading'] { font-size: 1.4em; line-height: 1.25; margin: 0; }
  p { margin: 0; }
  .field { display: grid; gap: 0.25rem; }
  .field > label { font-weight: 600; }
  input:not([type]), input[type='email'], input[type='url'], textarea {
    font: inherit; color: inherit; border: 1px solid var(--_border); border-radius: 0.5rem;
    padding: 0.5rem; inline-size: 100%; min-block-size: 2.75em;
  }
  textarea { resize: vertical; min-block-size: 8em; }
  button {
    justify-self: start; font: inherit; font-weight: 600; color: #fff; background: var(--_accent);
    border: 2px solid transparent; border-radius: 0.5rem; padding: 0.5rem 1.5rem; min-block-size: 2.75em;
  }
  .required { color: #b3261e; }
`;

const list = ({heading, caution}, items, cls = '') => html`<h2 part="heading">${heading}</h2>
  <ul part="list" class=${cls}>${items}</ul>
  <p part="caution">${caution}</p>`;

const check = (id, label) => html`<li class="check"><input type="checkbox" id=${id} /><label for=${id}>${label}</label></li>`;

class FloorSymptomList extends LitElement {
  static properties = {selectable: {type: Boolean}};
  static styles = base;
  constructor() {
    super();
    this.selectable = false;
  }
  render() {
    const content = ARTICLE.en.symptoms;
    const items = content.items.map((item, i) => (this.selectable ? check(`s${i}`, item.label) : html`<li>${item.label}</li>`));
    return html`${list(content, items, this.selectable ? 'plain' : '')}`;
  }
}

class FloorCauseList extends LitElement {
  static styles = base;
  render() {
    const content = ARTICLE.en.causes;
    return list(
      content,
      content.items.map((item) =>
        item.detail
          ? html`<li class="plain"><details><summary>${item.label}</summary><p>${item.detail}</p></details></li>`
          : html`<li>${item.label}</li>`,
      ),
    );
  }
}

class FloorTreatmentChecklist extends LitElement {
  static styles = [
    base,
    css`.progress { display: flex; align-items: center; gap: 0.5rem; margin-block: 0 1rem; } .bar { flex: 1 1 4rem; block-size: 0.5rem; border-radius: 999px; background: var(--_surface); box-shadow: inset 0 0 0 1px var(--_border); }`,
  ];
  render() {
    const content = ARTICLE.en.treatment;
    const total = content.items.length;
    return html`<h2 part="heading">${content.heading}</h2>
      <div class="progress"><span>${t.checklistProgress(0, total)}</span>
        <div class="bar" role="progressbar" aria-label=${t.checklistProgressLabel} aria-valuemin="0" aria-valuemax=${total} aria-valuenow="0"></div></div>
      <ul part="list" class="plain">${content.items.map((item, i) => check(`t${i}`, item.label))}</ul>
      <div><button class="quiet" type="button" disabled>${t.checklistReset}</button></div>
      <p part="caution">${content.caution}</p>`;
  }
}

const field = (name, label, required, type = 'text') => html`<div class="field">
  <label for=${name}>${label}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label>
  ${type === 'textarea' ? html`<textarea id=${name} name=${name} rows="8" ?required=${required}></textarea>` : html`<input id=${name} name=${name} type=${type} ?required=${required} />`}
</div>`;

class FloorGuideSignup extends LitElement {
  static properties = {
    offer: {type: Boolean},
    nameField: {type: Boolean, attribute: 'name-field'},
    consentRequired: {type: Boolean, attribute: 'consent-required'},
  };
  static styles = [base, forms, css`:host { padding: 1.5rem; background: var(--_surface); border-radius: 0.5rem; }`];
  constructor() {
    super();
    this.offer = this.nameField = this.consentRequired = false;
  }
  render() {
    return html`<form novalidate @submit=${(e) => e.preventDefault()}>
      <h2 part="heading">${t.signupHeading}</h2>
      <p>${t.signupIntro}</p>
      ${field('email', t.signupEmail, true, 'email')}
      ${this.nameField ? field('first_name', t.signupName, false) : nothing}
      <div class="check"><input type="checkbox" id="consent" ?required=${this.consentRequired} /><label for="consent">${t.signupConsent}</label></div>
      ${this.offer ? html`<div class="check"><input type="checkbox" id="offer" /><label for="offer">${t.signupOffer}</label></div>` : nothing}
      <button type="submit">${t.signupSubmit}</button>
      <div role="status"></div>
    </form>`;
  }
}

class FloorCommentForm extends LitElement {
  static styles = [base, forms];
  render() {
    return html`<form novalidate @submit=${(e) => e.preventDefault()}>
      <h3 part="heading">${t.commentHeading}</h3>
      <p>${t.commentNotes} ${t.commentRequiredNote} <span class="required" aria-hidden="true">*</span></p>
      ${field('comment', t.commentComment, true, 'textarea')}
      ${field('author', t.commentName, true)}
      ${field('email', t.commentEmail, true, 'email')}
      ${field('url', t.commentWebsite, false, 'url')}
      <div class="check"><input type="checkbox" id="remember" /><label for="remember">${t.commentRemember}</label></div>
      <button type="submit">${t.commentSubmit}</button>
      <div role="status"></div>
    </form>`;
  }
}

customElements.define('floor-symptom-list', FloorSymptomList);
customElements.define('floor-cause-list', FloorCauseList);
customElements.define('floor-treatment-checklist', FloorTreatmentChecklist);
customElements.define('floor-guide-signup', FloorGuideSignup);
customElements.define('floor-comment-form', FloorCommentForm);
