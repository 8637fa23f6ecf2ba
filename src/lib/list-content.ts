import type {CareItem} from '../content/article.js';

/** The channel the shown items came from. */
export type ItemsChannel = 'items' | 'src' | 'light' | 'default';

/**
 * What a page wrote inside a list element (light DOM): its list, and optionally a heading and a
 * caution paragraph. `node` is the page's own element, given where the browser can show it in
 * place (manual slot assignment); without it, the text is rendered instead.
 */
export interface LightContent<N = unknown> {
  items: CareItem[];
  heading?: {text: string; level: number; node?: N};
  caution?: {text: string; node?: N};
}

/** The default content: the article's list (its heading and caution go with its items). */
export interface DefaultList {
  items: readonly CareItem[];
  heading?: string;
  caution?: string;
}

/** Everything the items source read: each channel as it stands now. */
export interface ListSources<N = unknown> {
  /** The `items` property, checked; null when it is unset or holds nothing usable. */
  items: readonly CareItem[] | null;
  /** The items `src` answered with; null until they arrive, or when `src` failed or is unset. */
  srcItems: readonly CareItem[] | null;
  /** Whether a `src` fetch is on its way. */
  srcLoading: boolean;
  /** What the page wrote in light DOM, if it wrote a list. */
  light: LightContent<N> | undefined;
  /** What shows when nothing else does. */
  fallback: DefaultList;
}

/** What the element's own properties ask for; `undefined` leaves the choice to the content. */
export interface ListOverrides {
  heading?: string;
  headingLevel?: number;
  caution?: string;
}

/** What a list element shows. */
export interface ListContent<N = unknown> {
  items: readonly CareItem[];
  channel: ItemsChannel;
  /** True while `src` is loading and nothing else can stand in (then `items` is empty). */
  loading: boolean;
  /** The heading: the page's own `node` to show in place, or text to render at `level`. Absent: none. */
  heading?: {text: string; level: number; node?: N};
  /** The caution under the list, the page's own `node` or text. Absent: none. */
  caution?: {text: string; node?: N};
}

/**
 * Decides what a list element shows. Items: the first channel present of the `items` property,
 * `src`, light DOM and the default; while `src` loads, light DOM stands in, or an empty, loading list.
 *
 * Heading and caution: light DOM is the page's version of the element, so while its items show,
 * or the items that replace them (`items`, `src`), its heading and caution stand as written (the
 * page's own nodes, or nothing where it wrote none), unless `heading`, `heading-level` or `caution`
 * asks for another. When the default items show (the page wrote no usable list), the default's
 * heading and caution go with them.
 */
export function resolveListContent<N>(sources: ListSources<N>, asked: ListOverrides): ListContent<N> {
  const {items, srcItems, srcLoading, light, fallback} = sources;
  const lightItems = light?.items.length ? light.items : null;
  const [shown, channel]: [readonly CareItem[], ItemsChannel] = items
    ? [items, 'items']
    : srcItems
      ? [srcItems, 'src']
      : srcLoading && !lightItems
        ? [[], 'src']
        : lightItems
          ? [lightItems, 'light']
          : [fallback.items, 'default'];
  // The page's heading and caution go with any items but the default ones.
  const page = channel === 'default' ? undefined : light;
  const own = page ? page.heading : undefined;
  const headingText = asked.heading ?? (page ? own?.text : fallback.heading);
  const ownCaution = page?.caution;
  const cautionText = asked.caution ?? (page ? ownCaution?.text : fallback.caution);
  return {
    items: shown,
    channel,
    loading: channel === 'src' && !srcItems,
    heading:
      own?.node && asked.heading === undefined && asked.headingLevel === undefined
        ? own
        : headingText
          ? {text: headingText, level: asked.headingLevel ?? own?.level ?? 2}
          : undefined,
    caution: ownCaution?.node && asked.caution === undefined ? ownCaution : cautionText ? {text: cautionText} : undefined,
  };
}
