import {css} from 'lit';

export const styles = css`
  /*
   * The disclosure triangle of an item with detail stands where a bullet stands, in the list's
   * indent, so its label lines up with the other items' text (and with the page's own list
   * before the upgrade), and its detail under the label. A bullet beside it would be a second
   * marker.
   */
  .has-detail {
    list-style: none;
  }
  [part~='detail'] > summary {
    position: relative;
    display: block;
    inline-size: fit-content;
    cursor: pointer;
  }
  [part~='detail'] > summary::-webkit-details-marker {
    display: none;
  }
  [part~='detail'] > summary::before {
    content: '';
    position: absolute;
    inset-inline-start: -1em;
    inset-block-start: calc(0.5lh - 0.3em);
    border-block: 0.3em solid transparent;
    border-inline-start: 0.5em solid currentColor;
    /* Forced colours would paint the transparent borders too, turning the triangle into a box. */
    forced-color-adjust: none;
  }
  [part~='detail'][open] > summary::before {
    rotate: 90deg;
  }
  [part~='detail'][open] > summary:dir(rtl)::before {
    rotate: -90deg;
  }
  [part~='detail'] > summary:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    [part~='detail'] > summary::before {
      border-inline-start-color: LinkText;
    }
  }
  [part~='detail-text'] {
    margin-block: var(--_space-xs) var(--_space-s);
    color: var(--_muted);
  }
`;
