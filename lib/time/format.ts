// The one way the app shows dates and times: "5 Dec 2026", "14:05" (24-hour), "5 Dec 2026, 14:05 EST".
// Instants are always shown in a named zone (the site's, or the viewer's chosen zone), never the machine's.
// Isomorphic: usable from server and client components.
import { siteDay } from "./days";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", options);
    cache.set(key, f);
  }
  return f;
}

type Instant = Date | string | number;
const toDate = (v: Instant) => (v instanceof Date ? v : new Date(v));

/** A calendar day (YYYY-MM-DD) as "5 Dec 2026". */
export function formatDay(day: string): string {
  return formatter("day", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** A calendar day without its year, "5 Dec" (chart axes). */
export function formatDayShort(day: string | number): string {
  const d = typeof day === "number" ? new Date(day) : new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return formatter("dayShort", { timeZone: "UTC", day: "numeric", month: "short" }).format(d);
}

/** The site-local day of an instant as "5 Dec 2026". */
export function formatDate(instant: Instant, timeZone: string): string {
  return formatDay(siteDay(toDate(instant), timeZone));
}

/** "14:05" in the zone, 24-hour; with seconds "14:05:09". */
export function formatTime(instant: Instant, timeZone: string, opts: { seconds?: boolean } = {}): string {
  const key = `time|${timeZone}|${opts.seconds ? "s" : ""}`;
  return formatter(key, { timeZone, hour: "2-digit", minute: "2-digit", ...(opts.seconds ? { second: "2-digit" } : {}), hourCycle: "h23" }).format(
    toDate(instant),
  );
}

/** The zone's abbreviation at that instant ("EST", "PDT"; "GMT-5" where the zone has none in English). */
export function zoneAbbreviation(instant: Instant, timeZone: string): string {
  const f = cache.get(`abbr|${timeZone}`) ?? new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
  cache.set(`abbr|${timeZone}`, f);
  return f.formatToParts(toDate(instant)).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "5 Dec 2026, 14:05" — with `zone: true`, "5 Dec 2026, 14:05 EST" (where readers may be in other zones). */
export function formatDateTime(instant: Instant, timeZone: string, opts: { zone?: boolean; seconds?: boolean } = {}): string {
  const d = toDate(instant);
  const text = `${formatDate(d, timeZone)}, ${formatTime(d, timeZone, opts)}`;
  return opts.zone ? `${text} ${zoneAbbreviation(d, timeZone)}` : text;
}

/** The zone of the device showing the page: only for browser-side notes with no site in reach (sign-in lock, offline drafts). */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
