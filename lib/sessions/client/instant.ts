/**
 * A clinical time from a form, as an ISO instant for the server. The form's schema has usually already
 * turned a datetime-local text (the tablet's wall clock) into a Date; either form must survive, because
 * dropping it would silently record "now" instead of the time the nurse entered.
 */
export function toInstant(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
  if (typeof v === "string" && v) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  return undefined;
}
