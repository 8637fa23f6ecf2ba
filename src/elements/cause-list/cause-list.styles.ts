import {css} from 'lit';

export const styles = css`
  [part~='detail'] > summary {
    cursor: pointer;
    inline-size: fit-content;
  }
  [part~='detail'] > summary:hover {
    text-decoration: underline;
  }
  [part~='detail-text'] {
    margin-block: var(--_space-xs) var(--_space-s);
    color: var(--_muted);
  }
`;
