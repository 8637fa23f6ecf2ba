import {css} from 'lit';

export const styles = css`
  :host {
    padding: var(--care-signup-padding, var(--_space-l));
    background: var(--care-signup-background, var(--_surface));
    border-radius: var(--_radius);
  }
  [part~='intro'] {
    margin-block-start: calc(-1 * var(--_space-s));
  }
`;
