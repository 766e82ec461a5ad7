// Dates for people, in the site's time zone (never the server's or the browser's).
export function formatDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "short", day: "numeric" }).format(instant);
}

export function formatDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).format(instant);
}

/** A calendar date stored as `date` (midnight UTC) shown as that same calendar date. */
export const formatCalendarDate = (d: Date) => formatDate(d, "UTC");

/** Whole years between a birth date and a calendar date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
