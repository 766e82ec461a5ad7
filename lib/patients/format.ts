// Dates for people, in the site's time zone (never the server's or the browser's): the one time module, lib/time.
import { dateOnly } from "@/lib/time/days";
import { formatDateTime as dateTime, formatDay } from "@/lib/time/format";

export { formatDate } from "@/lib/time/format";

/** "6 Mar 2026, 20:30 CST": the zone named, as people elsewhere read it too. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return dateTime(instant, timeZone, { zone: true });
}

/** A calendar date stored as `date` (midnight UTC) shown as that same calendar date. */
export const formatCalendarDate = (d: Date) => formatDay(dateOnly(d));

/** Whole years between a birth date and a calendar date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
