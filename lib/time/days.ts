// Calendar days (YYYY-MM-DD), always computed from an instant in a named time zone — never the machine's zone
// and never by slicing an ISO string of an instant (which gives the UTC day, the wrong day in the evening in the
// Americas). Isomorphic: no server imports.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The site-local calendar day (YYYY-MM-DD) of an instant: 23:30 on 4 Dec in Los Angeles is "2026-12-04". */
export function siteDay(instant: Date, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, f);
  }
  return f.format(instant);
}

/**
 * The day stored in a date-only column (Prisma `@db.Date` reads back as UTC midnight): birth dates, treatment
 * dates, expiry dates, due dates. Not for instants — use `siteDay` for those.
 */
export function dateOnly(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the Date a `@db.Date` column stores (UTC midnight). */
export function dateOnlyValue(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Whole calendar days from day a to day b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return dateOnly(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** The same calendar day `years` years earlier (29 Feb → 29 Feb text, which compares correctly as a string). */
export function yearsBefore(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;
}

/** True when someone born on `birthDate` is at least `years` old on `today` (both YYYY-MM-DD, today site-local). */
export function isAtLeastYearsOld(birthDate: string, today: string, years: number): boolean {
  return birthDate <= yearsBefore(today, years);
}

/** The latest calendar day anywhere on Earth now (UTC+14): a day after it is in the future wherever the clinic is. */
export function latestDayOnEarth(now: Date): string {
  return dateOnly(new Date(now.getTime() + 14 * 3_600_000));
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The instant a calendar day starts in `timeZone` (midnight local, whatever the offset that day). */
export function startOfDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
  let f = partsFormatters.get(timeZone);
  if (!f) {
    // Built once per zone: constructing a formatter costs far more than formatting (10 000 import rows call this).
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  const formatter = f;
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - t;
  };
  const guess = utcMidnight - offsetAt(utcMidnight);
  return new Date(utcMidnight - offsetAt(guess));
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant at which the wall clock of `timeZone` shows `day` (YYYY-MM-DD) at `minutes` after midnight. */
export function zonedInstant(day: string, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + minutes * 60_000;
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - offsetMinutes(new Date(instant), timeZone) * 60_000; // second pass: the offset at the answer, not at the guess
  return new Date(instant);
}

/**
 * The instant a time-only entry ("14:05", the site's wall clock) stands for: its latest occurrence at or before `now`
 * — today, or yesterday when today's is still ahead. Clinical times are never in the future (R49), so a time typed
 * after midnight for a reading before it is read right. `now` may run ahead by the slack (clocks differ by seconds).
 */
export function latestWallTime(hhmm: string, now: Date, timeZone: string, slackMs = 60_000): Date | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m || +m[1] > 23 || +m[2] > 59) return null;
  const minutes = +m[1] * 60 + +m[2];
  const today = siteDay(now, timeZone);
  const at = zonedInstant(today, minutes, timeZone);
  return at.getTime() <= now.getTime() + slackMs ? at : zonedInstant(addDays(today, -1), minutes, timeZone);
}
