import {LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {LocaleController} from '../controllers/locale.js';
import type {CareStrings} from '../i18n/index.js';

/** Manual slot assignment (Chrome 86, Firefox 92, Safari 16.4). */
export const canSlot = typeof HTMLSlotElement !== 'undefined' && 'assign' in HTMLSlotElement.prototype;

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

  /** UI strings that replace the built-in ones for the active language. */
  @property({attribute: false}) strings?: Partial<CareStrings>;

  /** The strings to render with. */
  protected get t(): CareStrings {
    return this.locale.strings;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (canSlot && this.children.length) {
      this.placeholder = document.createElement('slot');
      root.append(this.placeholder);
      this.placeholder.assign(...this.children);
    }
    return root;
  }

  protected override update(changed: PropertyValues): void {
    this.placeholder?.remove();
    this.placeholder = undefined;
    super.update(changed);
  }

  /**
   * While the page loads, the first render waits for a task of its own, so the bundle's
   * evaluation, the upgrade of every element on the page and their first renders do not add up
   * to one long task on a slow phone (https://web.dev/articles/optimize-long-tasks). Elements
   * added later, and later updates, render as Lit does: in a microtask.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated && document.readyState !== 'complete') await new Promise((resolve) => setTimeout(resolve));
    super.scheduleUpdate();
  }
}
