import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {LocaleController} from '../controllers/locale.js';
import type {CareStrings} from '../i18n/index.js';

/**
 * What all five elements share: the UI language from the nearest `lang`, the `strings`
 * overrides, and a first render in a task of its own. Not registered as a tag itself.
 */
export class CareElement extends LitElement {
  protected readonly locale = new LocaleController(this);

  /** UI strings that replace the built-in ones for the active language. */
  @property({attribute: false}) strings?: Partial<CareStrings>;

  /** The strings to render with. */
  protected get t(): CareStrings {
    return this.locale.strings;
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
