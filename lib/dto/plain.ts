// What a server component hands to a client component is the same plain shape the API answers as JSON
// (the board's first render and its poll, the session's facts and an offline draft): ISO strings, not
// Dates. `plain` builds that DTO explicitly and typed, instead of a JSON round trip and a cast.

/** A value as a client component receives it: Dates become ISO strings. */
export type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** The DTO of a server value: Dates as ISO strings, objects and arrays copied, undefined fields left out, values with toJSON (a Decimal) as it says. */
export function plain<T>(value: T): Json<T> {
  return convert(value) as Json<T>;
}

function convert(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(convert);
  if (v && typeof v === "object") {
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null && typeof (v as { toJSON?: unknown }).toJSON === "function")
      return (v as { toJSON: () => unknown }).toJSON();
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, convert(x)]),
    );
  }
  return v;
}
