// Chair blocks in the site's zone: a day's start times are wall-clock times (opening + n × block length),
// turned into instants with the offset in force at that moment — so 07:00 is 07:00 on either side of a
// DST change, a wall time that does not exist (spring forward) has no slot, and one that occurs twice
// (fall back) is the first occurrence. Pure: no I/O, no machine zone.
import { addDays, dateOnlyValue } from "@/lib/time/days";

export const DEFAULT_BLOCK_MINUTES = 150; // check-in, dosing, 2 h observation, discharge
export const DAY_OPENS = "07:00";
export const DAY_CLOSES = "19:30";

export type Slot = { startsAt: Date; endsAt: Date; label: string };

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallOf(t: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
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
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
}
const offsetAt = (t: number, timeZone: string) => wallOf(t, timeZone) - t;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * The instant of a site-local wall-clock time ("YYYY-MM-DD", "HH:MM"), or null when that time does not
 * exist that day (the hour skipped when clocks spring forward). A time that occurs twice gives the first.
 */
export function wallClockInstant(day: string, hhmm: string, timeZone: string): Date | null {
  const wall = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + minutesOf(hhmm) * 60_000;
  const day1 = 86_400_000;
  const offsets = new Set([offsetAt(wall - day1, timeZone), offsetAt(wall, timeZone), offsetAt(wall + day1, timeZone)]);
  const valid = [...offsets]
    .map((o) => wall - o)
    .filter((t) => offsetAt(t, timeZone) === wall - t)
    .sort((a, b) => a - b);
  return valid.length ? new Date(valid[0]) : null;
}

/**
 * A site's chair blocks on a local day: start times opens, opens + block, … whose block ends (on the wall
 * clock) by `closes`. Each block lasts `blockMinutes` of real time.
 */
export function daySlots(day: string, timeZone: string, blockMinutes: number, hours: { opens?: string; closes?: string } = {}): Slot[] {
  if (!Number.isInteger(blockMinutes) || blockMinutes < 30) throw new Error("block length must be a whole number of minutes ≥ 30");
  const opens = minutesOf(hours.opens ?? DAY_OPENS);
  const closes = minutesOf(hours.closes ?? DAY_CLOSES);
  const slots: Slot[] = [];
  for (let m = opens; m + blockMinutes <= closes; m += blockMinutes) {
    const label = hhmmOf(m);
    const startsAt = wallClockInstant(day, label, timeZone);
    if (!startsAt) continue; // the wall time does not exist today (spring forward)
    slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + blockMinutes * 60_000), label });
  }
  return slots;
}

/** The block starting at `startsAt` on that local day, or null when it is not one of the day's start times. */
export function slotStartingAt(
  startsAt: Date,
  day: string,
  timeZone: string,
  blockMinutes: number,
  hours: { opens?: string; closes?: string } = {},
): Slot | null {
  return daySlots(day, timeZone, blockMinutes, hours).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
}

/** The seven local days of the week (Monday first) that contains `day`. */
export function weekDays(day: string): string[] {
  const monday = addDays(day, -((dateOnlyValue(day).getUTCDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}
