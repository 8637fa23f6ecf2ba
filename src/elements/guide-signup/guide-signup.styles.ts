import {css} from 'lit';

export const styles = css`
  :host {
    /* Less on a narrow screen, where 200 % text leaves few words to a line. */
    padding: var(--care-signup-padding, min(var(--_space-l), 5vw));
    background: var(--care-signup-background, var(--_surface));
    border-radius: var(--_radius);
    /* Invisible, and takes no space; forced colours paint it, where the panel's background is gone. */
    outline: 1px solid transparent;
    outline-offset: -1px;
  }
  [part~='intro'] {
    margin-block-start: calc(-1 * var(--_space-s));
  }
`;
