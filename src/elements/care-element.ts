import {LitElement, adoptStyles, isServer, supportsAdoptingStyleSheets, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {LocaleController} from '../controllers/locale.js';
import type {CareStrings} from '../i18n/index.js';

/** Manual slot assignment (Chrome 86, Firefox 92, Safari 16.4). */
const canSlot = typeof HTMLSlotElement !== 'undefined' && 'assign' in HTMLSlotElement.prototype;

/**
 * Whether Lit's hydration support (`@lit-labs/ssr-client/lit-element-hydrate-support.js`, which
 * `care-elements/hydrate.js` and `dist/care-elements-hydrate.js` load first) patched LitElement:
 * it then reuses a server-rendered shadow root as it is.
 */
const canHydrate = !isServer && 'litElementHydrateSupport' in globalThis;

/**
 * How long one task may spend on first renders before it lets the browser paint and handle
 * input (a long task is 50 ms: https://w3c.github.io/longtasks/), leaving room for what the task
 * does besides.
 */
const FIRST_RENDER_BUDGET_MS = 40;

/** Upgraded elements waiting for their turn to connect and render for the first time. */
const waiting: {el: Element; run: () => void}[] = [];

/** Lets the browser work, and comes back first where `scheduler.yield` exists (Chrome 129). */
const yieldToMain = (): Promise<void> =>
  (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/**
 * The first renders of the elements the page held before the bundle ran: from the task after the
 * one that evaluated the bundle and upgraded them, in document order, as many in one task as fit
 * the budget (the next is taken to cost as much as the costliest so far, so a slow phone renders
 * one per task and a fast one all in one), then after a yield. Elements rendered in one task
 * appear in one frame, and each appears below those rendered before it, so what a reader sees
 * does not move as the rest appear. An element that throws is reported and the rest go on.
 */
async function renderWaiting(): Promise<void> {
  let start = performance.now();
  let costliest = 0;
  while (waiting.length) {
    waiting.sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const began = performance.now();
    try {
      waiting.shift()!.run();
    } catch (error) {
      reportError(error);
    }
    const now = performance.now();
    costliest = Math.max(costliest, now - began);
    if (waiting.length && now - start + costliest > FIRST_RENDER_BUDGET_MS) {
      await yieldToMain();
      start = performance.now();
    }
  }
}

function inTurn(el: Element, run: () => void): void {
  if (waiting.push({el, run}) === 1) setTimeout(renderWaiting);
}

/**
 * The space a page reserved for an element before the bundle ran (e.g. with
 * `care-cause-list:not(:defined) { display: block; min-height: 324px; margin-block: 20px 14px }`,
 * see the README), read while the element is being upgraded, when `:not(:defined)` still
 * matches, as a rule that keeps it. Empty when the element is inline (a bare tag takes no space),
 * hidden, or has content of its own.
 */
function reservedSpace(el: HTMLElement): string {
  if (el.firstElementChild) return '';
  const style = getComputedStyle(el);
  if (/^(inline|none|contents)$/.test(style.display)) return '';
  return `:host{display:block;min-height:${el.getBoundingClientRect().height}px;margin-top:${style.marginTop};margin-bottom:${style.marginBottom}}`;
}

/**
 * What all five elements share: the UI language from the nearest `lang`, the `strings`
 * overrides, and, for an element the page held before the bundle ran, a first render that
 * waits for the bundle's task to end and moves nothing on the page. Not registered as a tag itself.
 */
export class CareElement extends LitElement {
  /**
   * Manual slot assignment lets light DOM the page wrote show where the element chooses: the
   * lists' own heading and caution, and any content until the first render.
   * https://developer.mozilla.org/docs/Web/API/HTMLSlotElement/assign
   */
  static override shadowRootOptions: ShadowRootInit = {...LitElement.shadowRootOptions, slotAssignment: 'manual'};

  protected readonly locale = new LocaleController(this);

  /** Keeps the page's light DOM (a list, a no-JS form) on screen until the first render replaces it. */
  private placeholder: HTMLSlotElement | undefined;

  /**
   * True for an element the page held before the bundle defined its tag (an upgrade: it is
   * already in the document when constructed), false for one a script creates later.
   */
  private readonly upgraded = !isServer && this.isConnected;

  /**
   * True for an element whose shadow root the server rendered (declarative shadow DOM, attached
   * by the HTML parser before the element was constructed).
   */
  private readonly serverRendered = !isServer && !!this.shadowRoot;

  /** The space the page reserved for this element until it is defined; kept until the first render. */
  private readonly reserved = this.upgraded && !this.serverRendered ? reservedSpace(this) : '';

  /** An upgraded element's styles wait for its first render. */
  private unstyled = false;

  /** Whether LitElement's connectedCallback ran (its controllers are connected) since the last disconnection. */
  private litConnected = false;

  /** UI strings that replace the built-in ones for the active language. */
  @property({attribute: false}) strings?: Partial<CareStrings>;

  /** The strings to render with. */
  protected get t(): CareStrings {
    // On the server no controller runs before render(): the language is the element's own `lang`.
    if (isServer) this.locale.hostUpdate();
    return this.locale.strings;
  }

  /**
   * True during the first render of a server-rendered element in the browser, which hydrates the
   * server's DOM and so must render what the server did: what only the browser knows (ticks and
   * drafts kept on the device, what a reader typed into the page's form) comes in the next update.
   */
  protected get hydrating(): boolean {
    return this.serverRendered && !this.hasUpdated;
  }

  /**
   * Until its first render, an upgraded element looks as the page had it before the bundle ran:
   * its light DOM shown as it was, none of its own styles (a bare tag takes no space, the signup
   * paints no empty panel), and the space the page reserved for it kept. Nothing moves at the
   * upgrade, nothing shows at a size it will not keep, and parsing the styles waits too.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (this.serverRendered) {
      const root = super.createRenderRoot();
      // Without hydration support Lit would render after the server's nodes: start afresh instead.
      if (!canHydrate) root.replaceChildren();
      return root;
    }
    let root: HTMLElement | DocumentFragment;
    if (this.upgraded && supportsAdoptingStyleSheets) {
      // LitElement's createRenderRoot(), without adopting the styles yet.
      const shadow = this.shadowRoot ?? this.attachShadow((this.constructor as typeof CareElement).shadowRootOptions);
      this.renderOptions.renderBefore ??= shadow.firstChild;
      this.unstyled = true;
      if (this.reserved) {
        const held = new CSSStyleSheet();
        held.replaceSync(this.reserved);
        shadow.adoptedStyleSheets = [held];
      }
      root = shadow;
    } else {
      root = super.createRenderRoot();
    }
    if (canSlot && this.children.length) {
      this.placeholder = document.createElement('slot');
      root.append(this.placeholder);
      this.placeholder.assign(...this.children);
    }
    return root;
  }

  /** After hydrating the server's DOM, renders again with what only the browser knows. */
  protected override firstUpdated(): void {
    if (this.serverRendered) this.requestUpdate();
  }

  protected override update(changed: PropertyValues): void {
    this.placeholder?.remove();
    this.placeholder = undefined;
    if (this.unstyled) adoptStyles(this.renderRoot as ShadowRoot, (this.constructor as typeof CareElement).elementStyles);
    this.unstyled = false;
    super.update(changed);
  }

  /**
   * An upgraded element connects (its shadow root, its controllers) and renders for the first time
   * in its turn, from the task after the bundle's, where the elements of the page render in
   * document order until a time budget is spent: the bundle's evaluation, the upgrades and the
   * first renders do not add up to one long task on a slow phone
   * (https://web.dev/articles/optimize-long-tasks). Until then it shows its light DOM as the page
   * had it, or keeps the space the page reserved for it. Elements a script creates later, and
   * later updates, connect and render as Lit's do: at once, and in a microtask.
   */
  override connectedCallback(): void {
    if (!this.upgraded || this.hasUpdated) {
      this.litConnected = true;
      super.connectedCallback();
      return;
    }
    // The reserved space is a rule of the shadow root: it must hold from the upgrade on.
    if (this.reserved) (this as {renderRoot: HTMLElement | DocumentFragment}).renderRoot ??= this.createRenderRoot();
    inTurn(this, () => {
      if (!this.isConnected || this.litConnected) return;
      this.litConnected = true;
      super.connectedCallback();
      // Renders now, in this turn; Lit's own scheduling of the update then finds nothing pending.
      // A server-rendered element in another's shadow root waits for that one to hydrate (Lit's
      // `defer-hydration`: removing the attribute connects it).
      if (!this.hasAttribute('defer-hydration')) this.performUpdate();
    });
  }

  override disconnectedCallback(): void {
    if (!this.litConnected) return;
    this.litConnected = false;
    super.disconnectedCallback();
  }
}
