import type {CareItem} from '../content/article.js';

/** Turns a label into an id: lower case, no accents, words joined by `-`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

/**
 * Reads list content from untrusted input (a property, a fetched JSON document or the page).
 * Accepts an array of items (or of strings), or `{items: [...]}`; returns null for any other shape.
 * Items without a label are skipped and duplicate ids made unique, each reported through `warn`.
 */
export function normalizeItems(input: unknown, warn: (message: string) => void): CareItem[] | null {
  const list = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && Array.isArray((input as {items?: unknown}).items)
      ? (input as {items: unknown[]}).items
      : null;
  if (!list) return null;
  const items: CareItem[] = [];
  const seen = new Set<string>();
  const skipped: number[] = [];
  const renamed: string[] = [];
  list.forEach((raw, index) => {
    const entry = typeof raw === 'string' ? {label: raw} : raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const label = typeof entry.label === 'string' ? entry.label.trim() : '';
    if (!label) {
      skipped.push(index + 1);
      return;
    }
    const rawId = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id).trim() : '';
    const base = rawId || slugify(label);
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    if (id !== base) renamed.push(`"${base}" -> "${id}"`);
    seen.add(id);
    const detail = typeof entry.detail === 'string' && entry.detail.trim() ? entry.detail.trim() : undefined;
    items.push(detail ? {id, label, detail} : {id, label});
  });
  if (skipped.length) warn(`skipped ${skipped.length} item(s) without a label (position ${skipped.join(', ')}).`);
  if (renamed.length) warn(`made duplicate ids unique: ${renamed.join(', ')}.`);
  return items;
}
