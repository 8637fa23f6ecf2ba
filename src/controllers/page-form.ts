import {isServer} from 'lit';
import {isProtocol, type Protocol} from '../lib/protocols.js';

/**
 * The page's own `<form>` inside a form element, if the page wrote one (WordPress's
 * `comment_form()`): what readers without JavaScript use, where the element takes its action and
 * protocol from when none is set, and what the reader typed before the element took over.
 */
export class PageForm {
  private found: HTMLFormElement | null = null;

  constructor(
    private readonly host: HTMLElement & {action: string | null; protocol?: string},
    private readonly protocols: {
      /** The protocol when the attribute is missing or unknown. */
      fallback: Protocol;
      /** The protocol a native form of this kind speaks, used with the page form's action. */
      native: Protocol;
    },
  ) {}

  /**
   * The form, at any depth: comment_form() wraps it in `<div id="respond">`. Kept once found, so
   * a script that moves it out (WordPress's comment-reply.js moves `#respond`) leaves the element
   * its action and post.
   */
  get form(): HTMLFormElement | null {
    // A server render has no light DOM to read.
    return isServer ? null : (this.found ??= this.host.querySelector('form'));
  }

  /** The endpoint: the `action` attribute, else the page form's. */
  get action(): string | null {
    return this.host.action || this.form?.getAttribute('action') || null;
  }

  /** The `protocol` attribute if valid; else the native one when the page form supplies the action; else the fallback. */
  get protocol(): Protocol {
    if (isProtocol(this.host.protocol)) return this.host.protocol;
    return !this.host.action && this.form?.getAttribute('action') ? this.protocols.native : this.protocols.fallback;
  }

  /** What the reader typed into the page form's text field `name` before the element took over, or ''. */
  typed(name: string): string {
    const control = this.form?.elements.namedItem(name);
    if (!control) return '';
    return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : '';
  }
}
