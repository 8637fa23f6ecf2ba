import {css} from 'lit';

export const styles = css`
  [part~='heading-row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-m);
  }
  [part~='cancel-reply'] {
    font: inherit;
    font-size: 0.9em;
    font-weight: normal;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  [part~='counter'][data-over] {
    color: var(--_danger);
    font-weight: 600;
  }
`;
