import {css} from 'lit';

export const styles = css`
  [part~='list'] {
    list-style: none;
    padding-inline-start: 0;
  }
  input:checked + [part~='label'] {
    color: var(--_muted);
  }
  [part~='progress'] {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin-block: 0 var(--_space-m);
  }
  [part~='progress-bar'] {
    flex: 1 1 4rem;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  [part~='progress-value'] {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 200ms ease-out;
  }
  @media (forced-colors: active) {
    [part~='progress-bar'] {
      border: 1px solid CanvasText;
    }
    [part~='progress-value'] {
      background: Highlight;
      forced-color-adjust: none;
    }
  }
`;
