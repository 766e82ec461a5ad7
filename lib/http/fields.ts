// The primitives every input schema is built from: text, numbers, calendar days and instants. Isomorphic (no
// server imports): the forms' zodResolver and the route handlers' parseBody run the same checks.
//
// The wire is strict. A route handler accepts a number only as a JSON number (never "120", [120], true or null
// read as 0), a day only as a real calendar day, an instant only with its offset (Z or ±hh:mm). In the browser the
// same schema validates what the inputs hold before it is sent: a numeric text box holds numeral text and a
// datetime-local box holds a zone-less wall-clock time, read in the tablet's zone; the form then sends the parsed
// numbers and ISO instants (with Z), so the server never has to guess.
import { z } from "zod";
import { latestDayOnEarth } from "@/lib/time/days";

// The page's Content-Security-Policy forbids eval (proxy.ts); zod would otherwise probe `new Function` in the browser
// to compile object parsers, which the browser reports as a CSP violation. The interpreted path gives the same results.
if (typeof window !== "undefined") z.config({ jitless: true });

/** NUL and the bidirectional controls that can make a name read differently from what is stored (U+200E/F, U+202A–E, U+2066–9). */
export const UNSAFE_TEXT = /[\u0000\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
export const UNSAFE_TEXT_MESSAGE = "Remove the invisible control characters (NUL or text-direction marks) from this field";
export const hasUnsafeText = (s: string) => UNSAFE_TEXT.test(s);

/**
 * A text field: refuses NUL and bidirectional controls, then chains like z.string() (.trim().min().max()).
 * The route helper (lib/http/route readJsonBody) also refuses them in any string of any body, so a schema that
 * forgets this primitive cannot let them in; the primitive puts the message on the form's field.
 */
export const text = (message?: string) => z.string(message ? { message } : undefined).refine((s) => !hasUnsafeText(s), UNSAFE_TEXT_MESSAGE);

/** Every string inside a JSON value that holds unsafe characters, by its path ("chairs.1.label"); keys count too. */
export function unsafeTextPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return hasUnsafeText(value) ? [path.join(".") || "body"] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unsafeTextPaths(v, [...path, String(i)]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => (hasUnsafeText(k) ? [[...path, "(key)"].join(".")] : unsafeTextPaths(v, [...path, k])));
  return [];
}

const inBrowser = () => typeof window !== "undefined";
const NUMERAL = /^\s*-?\d+(\.\d+)?\s*$/;
const blank = (v: unknown) => v === "" || v === null || v === undefined;

/** A number: a JSON number on the wire; in the browser also the numeral text of an input. Blank is "missing". */
export const number = (message: string) =>
  z.preprocess((v) => (blank(v) ? undefined : inBrowser() && typeof v === "string" && NUMERAL.test(v) ? Number(v) : v), z.number({ message }));

/** A whole number between min and max, with the field's own words in every message. */
export const wholeNumber = (label: string, min: number, max: number) => {
  const Label = label[0].toUpperCase() + label.slice(1);
  return number(`Enter ${label}`).pipe(
    z.number().int(`${Label} must be a whole number`).min(min, `${Label} must be at least ${min}`).max(max, `${Label} must be at most ${max}`),
  );
};
/** An optional whole number: blank (empty text, null, absent) is undefined. */
export const optionalWholeNumber = (label: string, min: number, max: number) =>
  z.preprocess((v) => (blank(v) ? undefined : v), wholeNumber(label, min, max).optional());

// ---- Calendar days ("YYYY-MM-DD") -------------------------------------------------------------------------

/** A real day of the calendar: 1980-02-30 and 2026-13-45 are not. */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** SPRAVATO's approval (and its REMS): no lot, certification, enrollment or REMS date can be older. */
export const REMS_START = "2019-03-05";
/** The latest calendar date anywhere on Earth now (UTC+14): a day after it is in the future wherever the clinic is. */
export const latestDayNow = () => latestDayOnEarth(new Date());
/** The day `years` years from today (UTC+14), for upper bounds of days that may lie ahead (expiry, effective date). */
export const dayInYears = (years: number) => `${Number(latestDayNow().slice(0, 4)) + years}${latestDayNow().slice(4)}`;

type DayBounds = { min?: string | (() => string); max?: string | (() => string); tooEarly?: string; tooLate?: string };
const bound = (b: string | (() => string)) => (typeof b === "function" ? b() : b);

/**
 * A day as "YYYY-MM-DD": a real calendar day within plausible bounds. `max: latestDayNow` means "not in the future";
 * bounds are strings or functions (evaluated at parse time, so a long-running server moves with the calendar).
 */
export function calendarDay(message: string, b: DayBounds = {}) {
  return z
    .string({ message })
    .trim()
    .refine(isCalendarDay, message)
    .refine(
      (d) => !isCalendarDay(d) || !b.min || d >= bound(b.min),
      b.tooEarly ?? `The date is too far in the past (before ${typeof b.min === "string" ? b.min : "the earliest possible date"})`,
    )
    .refine((d) => !isCalendarDay(d) || !b.max || d <= bound(b.max), b.tooLate ?? "This date is in the future");
}
/** The same, optional: "" (an empty date box) stays "". */
export function optionalCalendarDay(message: string, b: DayBounds = {}) {
  return z
    .string({ message })
    .trim()
    .refine((d) => d === "" || isCalendarDay(d), message)
    .refine(
      (d) => !isCalendarDay(d) || !b.min || d >= bound(b.min),
      b.tooEarly ?? `The date is too far in the past (before ${typeof b.min === "string" ? b.min : "the earliest possible date"})`,
    )
    .refine((d) => !isCalendarDay(d) || !b.max || d <= bound(b.max), b.tooLate ?? "This date is in the future")
    .optional()
    .default("");
}

// ---- Instants ---------------------------------------------------------------------------------------------

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?$/;
export const INSTANT_NEEDS_OFFSET = "Send the time with its offset (Z or ±hh:mm)";

/**
 * Reads an instant: a Date, or ISO 8601 text with an offset on a real calendar day. Zone-less wall-clock text is
 * read in the browser's zone only in the browser (a datetime-local box); elsewhere it is refused, never read in
 * the server's zone. Returns the Date, or the reason it is not one.
 */
export function readInstant(v: unknown): Date | string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Enter a valid time" : v;
  if (typeof v !== "string") return "Enter a valid time";
  const s = v.trim();
  const m = ISO_INSTANT.exec(s) ?? (inBrowser() ? WALL_CLOCK.exec(s) : null);
  if (!m) return WALL_CLOCK.test(s) ? INSTANT_NEEDS_OFFSET : "Enter a valid time";
  if (!isCalendarDay(m[1])) return "Enter a valid time";
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? "Enter a valid time" : d;
}

/** Earliest plausible clinical or administrative instant. */
export const EARLIEST_INSTANT = new Date(`${REMS_START}T00:00:00Z`);
/** A little slack for clocks: a time up to a minute ahead is "now". */
const FUTURE_SLACK_MS = 60_000;

/** `notFuture: false` and `earliest: null` leave those bounds to the caller (a session's own bounds, R49, are its commands'). */
type InstantOptions = { notFuture?: boolean; earliest?: Date | null; message?: string };
const instantCore = (o: InstantOptions) =>
  z.any().transform((v, ctx) => {
    const r = readInstant(v);
    if (typeof r === "string") {
      ctx.addIssue({ code: "custom", message: r === "Enter a valid time" && o.message ? o.message : r });
      return z.NEVER;
    }
    if (o.notFuture !== false && r.getTime() > Date.now() + FUTURE_SLACK_MS) {
      ctx.addIssue({ code: "custom", message: "This time is in the future" });
      return z.NEVER;
    }
    if (o.earliest !== null && r.getTime() < (o.earliest ?? EARLIEST_INSTANT).getTime()) {
      ctx.addIssue({ code: "custom", message: "This time is too far in the past" });
      return z.NEVER;
    }
    return r;
  });

/** A required instant (see readInstant); by default not in the future and not before the REMS began. */
export const instant = (o: InstantOptions = {}) => instantCore(o) as unknown as z.ZodType<Date, Date | string>;
/** An optional instant: blank (empty box, null, absent) means "now" by the server's clock. */
export const optionalInstant = (o: InstantOptions = {}) =>
  z.preprocess((v) => (blank(v) ? undefined : v), instantCore(o).optional()).optional() as unknown as z.ZodOptional<z.ZodType<Date, Date | string | null>>;
