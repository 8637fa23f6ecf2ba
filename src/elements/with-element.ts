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
