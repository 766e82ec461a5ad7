import { describe, expect, it } from "vitest";
import { daySlots, slotStartingAt, wallClockInstant, weekDays } from "./blocks";

const NY = "America/New_York";
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("chair blocks in the site's zone", () => {
  it("a normal day: 150-minute blocks from 07:00 whose end is by 19:30 (07:00, 09:30, 12:00, 14:30, 17:00), in EST", () => {
    const slots = daySlots("2026-01-14", NY, 150);
    expect(slots.map((s) => s.label)).toEqual(["07:00", "09:30", "12:00", "14:30", "17:00"]);
    expect(iso(slots[0].startsAt)).toBe("2026-01-14T12:00:00.000Z");
    expect(iso(slots[4].endsAt)).toBe("2026-01-15T00:30:00.000Z");
  });

  it("spring-forward day (2026-03-08): 02:00 does not exist, so the 2-hour grid from midnight has no 02:00 slot; 04:00 is EDT", () => {
    expect(wallClockInstant("2026-03-08", "02:00", NY)).toBeNull();
    expect(wallClockInstant("2026-03-08", "02:30", NY)).toBeNull();
    const slots = daySlots("2026-03-08", NY, 120, { opens: "00:00", closes: "08:00" });
    expect(slots.map((s) => s.label)).toEqual(["00:00", "04:00", "06:00"]);
    expect(slots.map((s) => iso(s.startsAt))).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-08T08:00:00.000Z", "2026-03-08T10:00:00.000Z"]);
    // the 00:00 block still lasts 120 real minutes (it ends at 03:00 EDT on the wall clock)
    expect(iso(slots[0].endsAt)).toBe("2026-03-08T07:00:00.000Z");
  });

  it("spring-forward day: the clinic's 07:00 is 11:00 UTC (EDT), one hour earlier in UTC than the day before", () => {
    expect(iso(daySlots("2026-03-07", NY, 150)[0].startsAt)).toBe("2026-03-07T12:00:00.000Z");
    expect(iso(daySlots("2026-03-08", NY, 150)[0].startsAt)).toBe("2026-03-08T11:00:00.000Z");
    expect(daySlots("2026-03-08", NY, 150).map((s) => s.label)).toEqual(["07:00", "09:30", "12:00", "14:30", "17:00"]);
  });

  it("fall-back day (2026-11-01): 01:00 occurs twice and the slot is the first (EDT); 02:00 is EST, three real hours after 00:00", () => {
    expect(iso(wallClockInstant("2026-11-01", "01:00", NY))).toBe("2026-11-01T05:00:00.000Z");
    const slots = daySlots("2026-11-01", NY, 60, { opens: "00:00", closes: "03:00" });
    expect(slots.map((s) => [s.label, iso(s.startsAt)])).toEqual([
      ["00:00", "2026-11-01T04:00:00.000Z"],
      ["01:00", "2026-11-01T05:00:00.000Z"],
      ["02:00", "2026-11-01T07:00:00.000Z"],
    ]);
  });

  it("a booking must start on one of the day's block starts", () => {
    expect(slotStartingAt(new Date("2026-01-14T14:30:00Z"), "2026-01-14", NY, 150)?.label).toBe("09:30");
    expect(slotStartingAt(new Date("2026-01-14T14:00:00Z"), "2026-01-14", NY, 150)).toBeNull();
    // with 120-minute blocks the grid is different
    expect(slotStartingAt(new Date("2026-01-14T14:00:00Z"), "2026-01-14", NY, 120)?.label).toBe("09:00");
  });

  it("other zones: Los Angeles 07:00 on the US spring-forward day is 14:00 UTC", () => {
    expect(iso(daySlots("2026-03-08", "America/Los_Angeles", 150)[0].startsAt)).toBe("2026-03-08T14:00:00.000Z");
  });

  it("the week of a day starts on Monday", () => {
    expect(weekDays("2026-03-08")).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
    expect(weekDays("2026-03-09")[0]).toBe("2026-03-09");
  });
});
