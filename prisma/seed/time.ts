// Site-local wall-clock times → instants, without a time-zone library (Intl gives the offset).
import { addDays, localDate } from "../../lib/sessions/local-time";

export { addDays, daysBetween, localDate } from "../../lib/sessions/local-time";

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(instant).map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant at which the wall clock of `timeZone` shows `date` (YYYY-MM-DD) at `minutes` after midnight. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + minutes * 60_000;
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - offsetMinutes(new Date(instant), timeZone) * 60_000; // second pass: the offset at the answer, not at the guess
  return new Date(instant);
}

/** Minutes after midnight for "hh:mm". */
export const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The site-local calendar date `days` days before the site-local date of `now`. */
export const localDaysAgo = (now: Date, timeZone: string, days: number) => addDays(localDate(now, timeZone), -days);

export const addMin = (d: Date, minutes: number) => new Date(d.getTime() + Math.round(minutes * 60_000));
export const addSec = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);
export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);
/** A `date` column value: midnight UTC of the calendar date. */
export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);
