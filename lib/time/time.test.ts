import { describe, expect, it } from "vitest";
import { addDays, dateOnly, daysBetween, isAtLeastYearsOld, latestDayOnEarth, latestWallTime, siteDay, startOfDay } from "./days";
import { formatDate, formatDateTime, formatDay, formatDayShort, formatTime } from "./format";

// 07:30 UTC on 5 Dec 2026: 23:30 on 4 Dec in Los Angeles, 02:30 on 5 Dec in New York.
const lateEveningLA = new Date("2026-12-05T07:30:00Z");

describe("site-local calendar days", () => {
  it("gives 23:30 in Los Angeles its own day, where slicing the ISO string gives the next (UTC) day", () => {
    expect(siteDay(lateEveningLA, "America/Los_Angeles")).toBe("2026-12-04");
    expect(lateEveningLA.toISOString().slice(0, 10)).toBe("2026-12-05"); // the computation this replaces
    expect(siteDay(lateEveningLA, "America/New_York")).toBe("2026-12-05");
  });
  it("reads a date-only column back as its own day", () => {
    expect(dateOnly(new Date("1984-07-19T00:00:00Z"))).toBe("1984-07-19");
  });
  it("adds and counts calendar days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-12-25", "2027-01-04")).toBe(10);
  });
  it("starts a day at local midnight, also on the day clocks change", () => {
    expect(startOfDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });
  it("counts an 18th birthday as reached on the day itself", () => {
    expect(isAtLeastYearsOld("2008-12-04", "2026-12-04", 18)).toBe(true);
    expect(isAtLeastYearsOld("2008-12-05", "2026-12-04", 18)).toBe(false);
  });
  it("knows the latest day anywhere on Earth (UTC+14)", () => {
    expect(latestDayOnEarth(new Date("2026-12-04T10:00:00Z"))).toBe("2026-12-05");
    expect(latestDayOnEarth(new Date("2026-12-04T09:59:00Z"))).toBe("2026-12-04");
  });
});

describe("one way to show dates and times", () => {
  it("shows a day as 5 Dec 2026", () => {
    expect(formatDay("2026-12-05")).toBe("5 Dec 2026");
    expect(formatDayShort("2026-12-05")).toBe("5 Dec");
  });
  it("shows an instant's date on the site's calendar", () => {
    expect(formatDate(lateEveningLA, "America/Los_Angeles")).toBe("4 Dec 2026");
  });
  it("shows times on a 24-hour clock in the site's zone", () => {
    expect(formatTime(new Date("2026-12-04T19:05:09Z"), "America/New_York")).toBe("14:05");
    expect(formatTime(new Date("2026-12-04T19:05:09Z"), "America/New_York", { seconds: true })).toBe("14:05:09");
    expect(formatTime(lateEveningLA, "America/Los_Angeles")).toBe("23:30");
  });
  it("names the zone where a reader may be elsewhere", () => {
    expect(formatDateTime(new Date("2026-12-04T19:05:00Z"), "America/New_York", { zone: true })).toBe("4 Dec 2026, 14:05 EST");
    expect(formatDateTime(new Date("2026-07-04T19:05:00Z"), "America/Los_Angeles", { zone: true })).toBe("4 Jul 2026, 12:05 PDT");
  });
});

describe("a time-only entry (latestWallTime)", () => {
  const NY = "America/New_York";
  it("is today's occurrence when it has passed, yesterday's when today's is still ahead", () => {
    const now = new Date("2026-12-05T20:00:00Z"); // 15:00 in New York
    expect(latestWallTime("14:05", now, NY)?.toISOString()).toBe("2026-12-05T19:05:00.000Z");
    expect(latestWallTime("15:00", now, NY)?.toISOString()).toBe("2026-12-05T20:00:00.000Z");
    expect(latestWallTime("15:30", now, NY)?.toISOString()).toBe("2026-12-04T20:30:00.000Z");
  });
  it("reads a reading from before midnight, typed after it, as yesterday's", () => {
    const now = new Date("2026-12-06T05:10:00Z"); // 00:10 in New York
    expect(latestWallTime("23:50", now, NY)?.toISOString()).toBe("2026-12-06T04:50:00.000Z");
  });
  it("uses the site's zone, not the machine's, across a DST change", () => {
    const now = new Date("2026-11-01T15:00:00Z"); // 10:00 EST on the fall-back day
    expect(latestWallTime("00:30", now, NY)?.toISOString()).toBe("2026-11-01T04:30:00.000Z"); // still EDT at 00:30
    expect(latestWallTime("09:00", now, NY)?.toISOString()).toBe("2026-11-01T14:00:00.000Z"); // EST
    expect(latestWallTime("09:00", now, "Asia/Kathmandu")?.toISOString()).toBe("2026-11-01T03:15:00.000Z");
  });
  it("refuses what is not a time", () => {
    for (const bad of ["", "9:00", "24:00", "12:60", "noon"]) expect(latestWallTime(bad, new Date(), NY)).toBeNull();
  });
});
