// R-adult: SPRAVATO is for adults. Age is judged on the site's calendar day, not the UTC day
// (at 23:30 in Los Angeles it is still yesterday there).
import { isAtLeastYearsOld, siteDay } from "@/lib/time/days";

export const ADULT_MESSAGE = "SPRAVATO is for adults: the patient must be 18 or older";

/** Is someone born on `birthDate` (YYYY-MM-DD) 18 or older on the site's calendar day at `now`? */
export function adultOn(birthDate: string, now: Date, timeZone: string): boolean {
  return isAtLeastYearsOld(birthDate, siteDay(now, timeZone), 18);
}
