import {css} from 'lit';

/**
 * The design tokens. Each public `--care-*` property has a default; elements read the private
 * `--_*` copies. Text and fonts inherit from the page so an element looks native in any theme.
 * Colours follow the page's `color-scheme` through `light-dark()`: a page that declares
 * `color-scheme: light dark` gets them from `prefers-color-scheme`, a dark theme that declares
 * `color-scheme: dark` gets the dark ones.
 *
 * @cssprop --care-color-text - Text colour; inherits the page's.
 * @cssprop --care-color-muted - Secondary text: notes, cautions, the storage notice.
 * @cssprop --care-color-accent - Accent: checkboxes, progress, buttons.
 * @cssprop --care-color-on-accent - Text on the accent colour (the submit buttons).
 * @cssprop --care-color-surface - Background of panels (the guide signup).
 * @cssprop --care-color-border - Borders of inputs and quiet buttons.
 * @cssprop --care-color-danger - Error messages and invalid fields.
 * @cssprop --care-color-success - Success messages.
 * @cssprop --care-color-focus - The focus ring.
 * @cssprop --care-font-family - Font of the element; inherits the page's.
 * @cssprop --care-font-size - Font size; inherits the page's.
 * @cssprop --care-line-height - Line height; inherits the page's.
 * @cssprop --care-heading-font-family - Font of headings; inherits the page's.
 * @cssprop --care-radius - Corner radius of inputs, buttons and panels.
 * @cssprop --care-space-xs - Extra-small spacing.
 * @cssprop --care-space-s - Small spacing.
 * @cssprop --care-space-m - Medium spacing.
 * @cssprop --care-space-l - Large spacing.
 * @cssprop --care-control-size - Size of checkboxes.
 */
export const tokens = css`
  :host {
    --_text: var(--care-color-text, inherit);
    --_muted: var(--care-color-muted, light-dark(#4a5250, #c3cbc8));
    --_accent: var(--care-color-accent, light-dark(#0b6b4c, #6fd6aa));
    --_on-accent: var(--care-color-on-accent, light-dark(#ffffff, #05281b));
    --_surface: var(--care-color-surface, light-dark(#f3f6f5, #1b2321));
    --_border: var(--care-color-border, light-dark(#76817d, #7b8884));
    --_danger: var(--care-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--care-color-success, light-dark(#0b6b4c, #6fd6aa));
    --_focus: var(--care-color-focus, light-dark(#1a56db, #9cc3ff));
    --_font: var(--care-font-family, inherit);
    --_font-size: var(--care-font-size, inherit);
    --_line-height: var(--care-line-height, inherit);
    --_heading-font: var(--care-heading-font-family, inherit);
    --_radius: var(--care-radius, 0.5rem);
    --_space-xs: var(--care-space-xs, 0.25rem);
    --_space-s: var(--care-space-s, 0.5rem);
    --_space-m: var(--care-space-m, 1rem);
    --_space-l: var(--care-space-l, 1.5rem);
    --_control-size: var(--care-control-size, 1.25em);
  }
`;

/**
 * The base rules every element starts from: host display, the focus ring, visually-hidden text,
 * the checkbox row, the notice row, the quiet button, reduced motion and forced colours.
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    /* A word wider than the line (an address in an error, a long word at 200 % text) breaks, not the layout. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    margin: -1px !important;
    padding: 0 !important;
    border: 0 !important;
  }
  /* A native checkbox beside its label: lists of steps and symptoms, and the forms' choices. */
  .check {
    display: flex;
    align-items: baseline;
    gap: var(--_space-s);
  }
  [part~='checkbox'] {
    flex: none;
    /* Sized from the text beside it: a control's own font is the browser's 13.33 px. */
    font-size: inherit;
    inline-size: var(--_control-size);
    block-size: var(--_control-size);
    margin: 0;
    accent-color: var(--_accent);
    translate: 0 0.15em;
  }
  .check > label {
    cursor: pointer;
  }
  /* A line of notice text with its button at the inline end, where the button stays when the text wraps. */
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: flex-end;
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
  }
  .notice[data-empty] {
    display: block;
  }
  .notice > :first-child {
    flex: 1 1 10em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  /* A small secondary button: "Clear ticks", "Forget them", "Discard draft". */
  .quiet {
    font: inherit;
    font-size: 0.9em;
    color: inherit;
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    cursor: pointer;
  }
  .quiet:disabled {
    cursor: default;
    opacity: 0.6;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
