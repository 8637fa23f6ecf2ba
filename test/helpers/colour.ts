/**
 * Contrast from computed colours, as WCAG 2.2 defines it (relative luminance of sRGB): what a
 * reader sees between a control's boundary and the surface it sits on.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** An sRGB colour, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * A computed colour: `rgb()`/`rgba()` (every engine for sRGB colours) or `color(srgb …)`,
 * whose channels are 0–1.
 */
export function parseColour(css: string): Rgba {
  const rgb = css.match(/^rgba?\(([^)]*)\)$/);
  const srgb = css.match(/^color\(srgb ([^)]*)\)$/);
  const parts = (rgb ?? srgb)?.[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not an sRGB colour: ${css}`);
  const scale = srgb ? 255 : 1;
  return {r: parts[0] * scale, g: parts[1] * scale, b: parts[2] * scale, a: parts[3] ?? 1};
}

/** `top` painted over the opaque `under`. */
export function over(top: Rgba, under: Rgba): Rgba {
  const mix = (t: number, u: number) => t * top.a + u * (1 - top.a);
  return {r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a: 1};
}

function luminance({r, g, b}: Rgba): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two opaque colours, 1 to 21, rounded down to two decimals (3.00 passes 3:1, 2.999 does not). */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.floor(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** The next node out: the parent element, or the shadow host of a shadow root's child. */
function outward(node: Element): Element | null {
  return node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
}

/**
 * The opaque colour behind `node` (its own background excluded): the backgrounds of its
 * ancestors, out through shadow hosts, composed until one is opaque. Throws when none is: a test
 * sets the surface it measures against.
 */
export function surfaceBehind(node: Element): Rgba {
  const layers: Rgba[] = [];
  for (let n = outward(node); n; n = outward(n)) {
    const bg = parseColour(getComputedStyle(n).backgroundColor);
    if (bg.a === 0) continue;
    layers.push(bg);
    if (bg.a === 1) return layers.reduceRight((under, top) => over(top, under));
  }
  throw new Error(`no opaque surface behind <${node.localName}>`);
}

/** A computed colour property of `node`, painted over what is behind it where it is translucent. */
export function colourOf(node: Element, property: 'borderTopColor' | 'backgroundColor' | 'color' | 'outlineColor'): Rgba {
  const colour = parseColour(getComputedStyle(node)[property]);
  return colour.a === 1 ? colour : over(colour, surfaceBehind(node));
}
