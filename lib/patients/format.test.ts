import { describe, expect, it } from "vitest";
import { ageOn, formatCalendarDate, formatDate, formatDateTime } from "./format";

describe("dates shown in the site's time zone", () => {
  const lateEvening = new Date("2026-03-07T02:30:00Z"); // 21:30 on 6 March in New York, 20:30 in Chicago
  it("shows the site's calendar date, not the server's", () => {
    expect(formatDate(lateEvening, "America/New_York")).toBe("6 Mar 2026");
    expect(formatDate(lateEvening, "Asia/Kathmandu")).toBe("7 Mar 2026");
  });
  it("shows the site's clock with its zone", () => {
    expect(formatDateTime(lateEvening, "America/Chicago")).toBe("6 Mar 2026, 20:30 CST");
  });
  it("keeps a stored calendar date (a birth date) on its own day everywhere", () => {
    expect(formatCalendarDate(new Date("1984-07-19T00:00:00Z"))).toBe("19 Jul 1984");
  });
  it("counts age in whole years, the birthday itself included", () => {
    expect(ageOn("1984-07-19", "2026-07-18")).toBe(41);
    expect(ageOn("1984-07-19", "2026-07-19")).toBe(42);
  });
});
