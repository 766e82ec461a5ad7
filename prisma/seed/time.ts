// Site-local wall-clock times → instants, without a time-zone library (Intl gives the offset).
import { addDays, dateOnlyValue, siteDay } from "../../lib/time/days";

export { addDays, daysBetween, siteDay, zonedInstant } from "../../lib/time/days";

/** Minutes after midnight for "hh:mm". */
export const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The site-local calendar date `days` days before the site-local date of `now`. */
export const localDaysAgo = (now: Date, timeZone: string, days: number) => addDays(siteDay(now, timeZone), -days);

export const addMin = (d: Date, minutes: number) => new Date(d.getTime() + Math.round(minutes * 60_000));
export const addSec = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);
export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * 86_400_000);
/** A `date` column value: midnight UTC of the calendar date. */
export const dateOnly = dateOnlyValue;
