/** Console capture: what an element logs, recorded (and kept out of the runner's output) per test. */

export interface ConsoleCapture {
  errors: string[];
  warns: string[];
  restore(): void;
}

/**
 * Records (and silences) console.error and console.warn of `target` until `restore()`.
 *
 * Self-contained, with no reference outside its body, so that `frames.ts` can run its source in a
 * fresh frame before any module there: one capture for this page and for frames.
 */
export function captureConsole(target: {console: Console} = window): ConsoleCapture {
  const show = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
  const {error, warn} = target.console;
  const capture: ConsoleCapture = {
    errors: [],
    warns: [],
    restore() {
      target.console.error = error;
      target.console.warn = warn;
    },
  };
  target.console.error = (...args: unknown[]) => void capture.errors.push(show(args));
  target.console.warn = (...args: unknown[]) => void capture.warns.push(show(args));
  return capture;
}

/**
 * In the calling `describe`: the console captured around each test. What it returns reads the
 * current test's records.
 */
export function captureConsoleEachTest(): Omit<ConsoleCapture, 'restore'> {
  let capture: ConsoleCapture | undefined;
  beforeEach(() => {
    capture = captureConsole();
  });
  afterEach(() => capture?.restore());
  return {
    get errors() {
      return capture!.errors;
    },
    get warns() {
      return capture!.warns;
    },
  };
}
