import {html, type TemplateResult} from 'lit';

/** A heading of the level the page's outline needs (1 to 6; anything else becomes 2). */
export function renderHeading(level: number, text: string, id?: string): TemplateResult {
  const n = Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
  // Six literal templates keep the real heading element without unsafeStatic.
  switch (n) {
    case 1:
      return html`<h1 part="heading" id=${id ?? 'heading'}>${text}</h1>`;
    case 3:
      return html`<h3 part="heading" id=${id ?? 'heading'}>${text}</h3>`;
    case 4:
      return html`<h4 part="heading" id=${id ?? 'heading'}>${text}</h4>`;
    case 5:
      return html`<h5 part="heading" id=${id ?? 'heading'}>${text}</h5>`;
    case 6:
      return html`<h6 part="heading" id=${id ?? 'heading'}>${text}</h6>`;
    default:
      return html`<h2 part="heading" id=${id ?? 'heading'}>${text}</h2>`;
  }
}
