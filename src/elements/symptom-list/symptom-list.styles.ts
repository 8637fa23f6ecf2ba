import {css} from 'lit';

export const styles = css`
  :host([selectable]) [part~='list'] {
    list-style: none;
    padding-inline-start: 0;
  }
  [part~='summary'] {
    margin-block: 0 var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  /* The summary holds its live region before there is anything to say (so its first message is announced), and takes no space. */
  [part~='summary'][data-empty] {
    padding: 0;
    border: 0;
    margin: 0;
  }
  @media (forced-colors: active) {
    [part~='summary'] {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
  }
`;
