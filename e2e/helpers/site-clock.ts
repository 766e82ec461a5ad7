/**
 * "HH:MM" on the seeded clinic's clock (America/New_York) `min` minutes before `from` (default: now): what a nurse
 * types in a time field. Times typed are whole minutes, so a test that relies on the gap between two entries (R19's
 * 5 minutes between devices) takes them from one `siteClock()`: read twice from "now", a minute turning over between
 * the two readings adds a minute to the gap.
 */
export function siteClockAgo(min: number, timeZone = "America/New_York", from = Date.now()): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(from - min * 60_000));
}

/** One instant to count minutes back from, for the whole of a test. */
export function siteClock(timeZone = "America/New_York") {
  const from = Date.now();
  return (min: number) => siteClockAgo(min, timeZone, from);
}
