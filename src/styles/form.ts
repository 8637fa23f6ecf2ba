import {css} from 'lit';

/**
 * Layout and controls shared by the two forms.
 *
 * @cssprop --care-form-heading-size - Font size of the form's heading (1.4em by default).
 * @cssprop --care-input-background - Background of inputs and the comment box.
 * @cssprop --care-input-max-width - Largest inline size of inputs (100% by default).
 */
export const formStyles = css`
  [part~='form'] {
    display: grid;
    gap: var(--_space-m);
    margin: 0;
  }
  [part~='heading'] {
    font-family: var(--_heading-font);
    font-size: var(--care-form-heading-size, 1.4em);
    line-height: 1.25;
    margin: 0;
  }
  p {
    margin: 0;
  }
  [part~='field'] {
    display: grid;
    gap: var(--_space-xs);
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='input'],
  [part~='textarea'] {
    font: inherit;
    color: inherit;
    background: var(--care-input-background, light-dark(#ffffff, #121816));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-s);
    inline-size: 100%;
    max-inline-size: var(--care-input-max-width, 100%);
    min-block-size: 2.75em;
  }
  [part~='textarea'] {
    resize: vertical;
    min-block-size: 8em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  [part~='error'] {
    color: var(--_danger);
    font-size: 0.9em;
  }
  [part~='error']:empty {
    display: none;
  }
  [part~='hint'],
  [part~='notes'],
  [part~='counter'] {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .required {
    color: var(--_danger);
  }
  [part~='choice'] [part~='label'] {
    font-weight: normal;
  }
  [part~='submit'] {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-l);
    min-block-size: 2.75em;
    cursor: pointer;
  }
  [part~='submit'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  [part~='status'] {
    border-radius: var(--_radius);
  }
  [part~='status']:not(:empty) {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  [part~='status'][data-kind='error'],
  [part~='status'][data-kind='invalid'] {
    border-inline-start-color: var(--_danger);
  }
  [part~='status'] a {
    color: inherit;
    font-weight: 600;
  }
  [part~='status']:focus {
    outline: none;
  }
  [part~='status']:focus-visible {
    outline: 2px solid var(--_focus);
  }
  /* A stylesheet class, not an inline style: a strict CSP would drop the inline style and reveal the field. */
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  @media (forced-colors: active) {
    [part~='submit'] {
      border-color: ButtonText;
    }
    /* An invalid field keeps its forced CanvasText border, 2 px wide; its error is marked with a pair
       of system colours, which holds in light and dark palettes (Mark on Canvas does not). Not
       adjusted: the backplate of Canvas the browser draws behind text would hide MarkText in a dark palette. */
    [part~='error'] {
      color: MarkText;
      background: Mark;
      forced-color-adjust: none;
    }
  }
`;
