import { AsyncLocalStorage } from "node:async_hooks";

// The server's clock for write commands. Requests always run on real time; only the demo seed runs
// commands "as of" a past moment (atTime), so historical sessions go through the same code as live ones.
const frozen = new AsyncLocalStorage<Date>();

/** Now by the server's clock (or the seed's historical moment inside atTime). */
export function serverNow(): Date {
  const t = frozen.getStore();
  return t ? new Date(t.getTime()) : new Date();
}

/** Runs fn with serverNow() reading `at`: for the seed's historical records, never called by a route. */
export function atTime<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  return frozen.run(at, fn);
}
