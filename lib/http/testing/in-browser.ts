/**
 * Runs `fn` as the browser would (a `window` exists), for tests of what a form's inputs hold: numeral text in a
 * numeric box, a zone-less datetime-local time. Outside it, the schemas read input as a route handler does.
 */
export function inTheBrowser<T>(fn: () => T): T {
  const g = globalThis as { window?: unknown };
  const had = "window" in g;
  if (!had) g.window = globalThis;
  try {
    return fn();
  } finally {
    if (!had) delete g.window;
  }
}
