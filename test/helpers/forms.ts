/**
 * Working a form as a reader does (typing, ticking, submitting) and reading what it shows (its
 * status region, its events), for <care-guide-signup> and <care-comment-form>.
 */
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {byId, nextEvent, part} from './dom.js';

export type FormElement = HTMLElement & {action: string | null; protocol: string; updateComplete: Promise<boolean>};

/** Control values by id: strings are typed, booleans tick or untick a checkbox. */
export type Values = Record<string, string | boolean>;

/** The status live region (the part `status`), asserted present. Its role is for the tests to check. */
export function statusRegion(el: Element): HTMLElement {
  return part(el, 'status');
}

/** Sets a text control as typing would (the `input` event the elements listen to), then leaves it. */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertText'}));
  control.blur();
}

/**
 * Types text with real key presses, one key per command: over WebDriver classic (WebKit),
 * webdriverio's keys() presses a whole string as one chord, which drops repeated letters and spaces.
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({type: key});
}

/** Fills the controls named by id, in order, each render awaited. */
export async function fill(el: HTMLElement & {updateComplete: Promise<unknown>}, values: Values): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = byId(el, id);
    if (typeof value === 'boolean') {
      if (control.checked !== value) control.click();
    } else {
      typeInto(control, value);
    }
    await el.updateComplete;
  }
}

/** What the controls named in `like` hold now, in the same shape. */
export function read(el: Element, like: Values): Values {
  const out: Values = {};
  for (const [id, value] of Object.entries(like)) {
    const control = byId(el, id);
    out[id] = typeof value === 'boolean' ? control.checked : control.value;
  }
  return out;
}

export function clickSubmit(el: Element): void {
  part<HTMLButtonElement>(el, 'submit').click();
}

/**
 * Clicks submit and waits for the event `type` (within `ms`) and the render that follows it;
 * resolves with the event's detail.
 */
export async function submitAndWait<T = unknown>(el: HTMLElement & {updateComplete: Promise<unknown>}, type: string, ms?: number): Promise<T> {
  const event = nextEvent<T>(el, type, ms);
  clickSubmit(el);
  const {detail} = await event;
  await el.updateComplete;
  return detail;
}

/**
 * Makes the next submission send `changes` in place of what the reader typed (a `care-submit`
 * listener may change `detail.data`): how a test reaches a server stricter than the form.
 */
export function sendInstead(el: Element, changes: Record<string, unknown>): void {
  el.addEventListener('care-submit', (e) => Object.assign((e as CustomEvent<{data: Record<string, unknown>}>).detail.data, changes), {once: true});
}

/** Records the care-* events of an element: their order, and each type's details. */
export function recordEvents(
  el: Element,
  types = ['care-submit', 'care-success', 'care-error'],
): {types: string[]; details: Record<string, unknown[]>} {
  const log = {types: [] as string[], details: {} as Record<string, unknown[]>};
  for (const type of types) {
    log.details[type] = [];
    el.addEventListener(type, (e) => {
      log.types.push(type);
      log.details[type].push((e as CustomEvent).detail);
    });
  }
  return log;
}

/** A form's data as it goes on the wire: the fields whose value is undefined are left out. */
export function sentFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/**
 * Asserts a sent fill time (`fill_ms`, a number in JSON, a string in a urlencoded body): whole
 * milliseconds, at least `min` (what surely passed between the form's appearing and the submit)
 * and at most `max` (what passed around them).
 */
export function expectFillMs(value: unknown, min: number, max: number): void {
  expect(String(value), 'fill_ms: whole milliseconds').to.match(/^\d+$/);
  expect(Number(value), 'fill_ms').to.be.within(Math.floor(min), Math.ceil(max));
}
