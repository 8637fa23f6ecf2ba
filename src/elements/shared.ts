import {html, type TemplateResult} from 'lit';

const pending: string[] = [];

/**
 * Defines a tag unless it already is: a second copy of the bundle, or a page that defined the
 * tag itself, must not throw. One console warning lists every tag that was kept as it was.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  if (pending.push(tag) === 1) {
    queueMicrotask(() => {
      console.warn(
        `care-elements: ${pending.map((t) => `<${t}>`).join(', ')} already defined (is the bundle loaded twice?); keeping the first definition.`,
      );
      pending.length = 0;
    });
  }
}

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
