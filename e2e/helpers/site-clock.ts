/** "HH:MM" on the seeded clinic's clock (America/New_York) `min` minutes ago: what a nurse types in a time field. */
export function siteClockAgo(min: number, timeZone = "America/New_York"): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(Date.now() - min * 60_000));
}
