import {css} from 'lit';

export const styles = css`
  /* The disclosure triangle is the marker of an item with detail; a bullet beside it would be a second one. */
  .has-detail {
    list-style: none;
  }
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
