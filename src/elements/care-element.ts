import {LitElement, isServer, type PropertyValues} from 'lit';
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
 * What all five elements share: the UI language from the nearest `lang`, the `strings`
 * overrides, and a first render in a task of its own. Not registered as a tag itself.
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
  private readonly upgraded = this.isConnected;

  /**
   * True for an element whose shadow root the server rendered (declarative shadow DOM, attached
   * by the HTML parser before the element was constructed).
   */
  private readonly serverRendered = !isServer && !!this.shadowRoot;

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

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (this.serverRendered) {
      // Without hydration support Lit would render after the server's nodes: start afresh instead.
      if (!canHydrate) root.replaceChildren();
      return root;
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
    super.update(changed);
  }

  /**
   * An upgraded element's first render waits for a task of its own, so the bundle's evaluation,
   * the upgrade of every element on the page and their first renders do not add up to one long
   * task on a slow phone (https://web.dev/articles/optimize-long-tasks). Elements a script creates
   * later, and later updates, render as Lit does: in a microtask.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && this.upgraded) await new Promise((resolve) => setTimeout(resolve));
    super.scheduleUpdate();
  }
}
