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
