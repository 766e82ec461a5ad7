import { describe, expect, it } from "vitest";
import { adultOn } from "./age-rules";

// 07:30 UTC on 5 Dec 2026 is 23:30 on 4 Dec in Los Angeles and 02:30 on 5 Dec in New York.
const lateEvening = new Date("2026-12-05T07:30:00Z");

describe("the adult check on the site's calendar day", () => {
  it("refuses a patient whose 18th birthday is tomorrow in Los Angeles at 23:30, though it is already that day in UTC", () => {
    expect(adultOn("2008-12-05", lateEvening, "America/Los_Angeles")).toBe(false);
  });
  it("accepts the same patient at the same instant in New York, where the birthday has begun", () => {
    expect(adultOn("2008-12-05", lateEvening, "America/New_York")).toBe(true);
  });
  it("accepts a patient who turned 18 the day before", () => {
    expect(adultOn("2008-12-04", lateEvening, "America/Los_Angeles")).toBe(true);
  });
  it("counts a 29 February birthday as 18 from 1 March in a common year", () => {
    expect(adultOn("2008-02-29", new Date("2026-02-28T20:00:00Z"), "America/New_York")).toBe(false);
    expect(adultOn("2008-02-29", new Date("2026-03-01T20:00:00Z"), "America/New_York")).toBe(true);
  });
});
