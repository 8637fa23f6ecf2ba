/**
 * `care-elements/react`: the five tags in React 19's JSX, with their properties, attributes and
 * events typed. Types only: name it once in the project, `import type {} from 'care-elements/react';`
 * in a module or `/// <reference types="care-elements/react" />` in a `.d.ts`.
 *
 * React 19 sets a prop on a custom element as the property when the element has one (`items`,
 * `keepDays`) and as the attribute otherwise (`keep-days`, and every prop on the server, which
 * writes attributes only). A prop named `on…` with a function that is not one of React's own
 * events becomes `addEventListener` of the rest of its name, as written: `oncare-change` listens
 * for `care-change` (react-dom's `setPropOnCustomElement`); `onCareChange` would listen for
 * `CareChange`, so it is no prop here.
 */
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {CareElements, CareTagName, CareTagProps} from './elements.js';

/** A tag's props in React: its own, and React's for every HTML element (`className`, `ref` to its class, `children`, …). */
export type CareReactProps<T extends CareTagName> = CareTagProps[T] &
  Omit<DetailedHTMLProps<HTMLAttributes<CareElements[T]>, CareElements[T]>, keyof CareTagProps[T]>;

/** The five tags' props, by tag: what `React.JSX.IntrinsicElements` gains from this module. */
export type CareReactElements = {[T in CareTagName]: CareReactProps<T>};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CareReactElements {}
  }
}
