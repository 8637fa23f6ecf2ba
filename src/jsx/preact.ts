/**
 * `care-elements/preact`: the five tags in Preact's JSX (Preact 10), with their properties,
 * attributes and events typed. Types only: name it once in the project,
 * `import type {} from 'care-elements/preact';` in a module or
 * `/// <reference types="care-elements/preact" />` in a `.d.ts`.
 *
 * Preact sets a prop as the property when the element has one (`items`, `keepDays`) and as the
 * attribute otherwise (`keep-days`). Every prop named `on…` becomes `addEventListener` of the
 * rest of its name, as written unless its lower-case form is a property of the element (`onClick`
 * is `click`): `oncare-change` listens for `care-change` (preact's `setProperty` in
 * src/diff/props.js); `onCareChange` would listen for `CareChange`, so it is no prop here.
 */
import type {JSX} from 'preact';
import type {CareElements, CareTagName, CareTagProps} from './elements.js';

/**
 * A tag's own props in Preact. A boolean attribute of another name than its property takes `true`
 * or is left out: Preact writes `false` as the text "false" for names whose fifth character is a
 * dash (its test for `data-*` and `aria-*`), and Lit reads any `name-field` present as true. For a
 * boolean that changes, use the property (`nameField={on}`).
 */
type OwnProps<T extends CareTagName> = CareTagProps<true>[T];

/** A tag's props in Preact: its own, and Preact's for every HTML element (`class`, `ref` to its class, `children`, …). */
export type CarePreactProps<T extends CareTagName> = OwnProps<T> & Omit<JSX.HTMLAttributes<CareElements[T]>, keyof OwnProps<T>>;

/** The five tags' props, by tag: what Preact's `JSX.IntrinsicElements` gains from this module. */
export type CarePreactElements = {[T in CareTagName]: CarePreactProps<T>};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends CarePreactElements {}
  }
}
