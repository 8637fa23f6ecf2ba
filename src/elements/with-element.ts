import {nothing} from 'lit';
import {Directive, directive, type ElementPart} from 'lit/directive.js';

/**
 * `${withElement((el) => ...)}` on an element calls back with that element at each render, as it
 * is committed: Lit's `ref(callback)` without the disconnection bookkeeping of an AsyncDirective,
 * which costs the bundle about 0.5 KB (brotli) for nothing these elements need.
 */
class WithElement extends Directive {
  render(_use: (element: Element) => void) {
    return nothing;
  }

  override update(part: ElementPart, [use]: [(element: Element) => void]) {
    use(part.element);
    return nothing;
  }
}

export const withElement = directive(WithElement);

/**
 * `${checkedState(on)}` on a checkbox sets its `checked` property at each render, as
 * `.checked=${live(on)}` would. Not a property binding: @lit-labs/ssr writes one as the attribute
 * `checked="false"`, which checks the box (https://github.com/lit/lit/issues/3080).
 */
export const checkedState = (on: boolean) => withElement((box) => ((box as HTMLInputElement).checked = on));
