// The Lit floor for `npm run size`: the smallest element that uses every Lit feature the bundle
// uses (LitElement, html, css, reactive properties and state, the live directive), built by the
// same rollup pipeline. What care-elements adds on top of this is the library's own weight.
import {LitElement, html, css} from 'lit';
import {live} from 'lit/directives/live.js';

class FloorElement extends LitElement {
  static properties = {label: {}, value: {state: true}};
  static styles = css`:host { display: block; }`;
  render() {
    return html`<label>${this.label} <input .value=${live(this.value)} /></label>`;
  }
}
customElements.define('floor-element', FloorElement);
