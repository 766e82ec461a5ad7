import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDay, dayInYears, instant, isCalendarDay, latestDayNow, optionalInstant, text, unsafeTextPaths, wholeNumber } from "./fields";
import { inTheBrowser } from "./testing/in-browser";

const issues = (r: { success: boolean; error?: z.ZodError }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe("text: NUL and bidirectional controls are refused", () => {
  it.each([
    ["NUL", "Ann\u0000"],
    ["RLO", "\u202Eevil"],
    ["LRE", "a\u202Ab"],
    ["PDI", "x\u2069"],
    ["LRI", "\u2066x"],
    ["LRM", "a\u200E"],
    ["RLM", "\u200Fa"],
  ])("refuses %s", (_, s) => {
    expect(issues(text().trim().min(1).safeParse(s))).toContain("Remove the invisible control characters (NUL or text-direction marks) from this field");
  });
  it("keeps ordinary text, accents and scripts written right to left", () => {
    for (const s of ["Zoë O'Neil-Łukasz", "محمد", "שלום", "陈"]) expect(text().safeParse(s).success, s).toBe(true);
  });
  it("finds unsafe strings anywhere in a body, by path, keys included", () => {
    expect(unsafeTextPaths({ a: "ok", b: ["x", "y\u0000"], c: { d: "\u202E" }, ["k\u200F"]: 1, n: 5 })).toEqual(["b.1", "c.d", "(key)"]);
    expect(unsafeTextPaths("\u0000")).toEqual(["body"]);
    expect(unsafeTextPaths({ fine: ["a", { b: "c" }] })).toEqual([]);
  });
});

describe("numbers: a JSON number on the wire, numeral text only from a form", () => {
  const systolic = wholeNumber("systolic", 40, 300);
  it("refuses arrays, numeral text, booleans and null on the wire", () => {
    for (const v of [[120], "120", true, null, {}, "1e2"]) expect(systolic.safeParse(v).success, JSON.stringify(v)).toBe(false);
    expect(systolic.parse(120)).toBe(120);
    expect(issues(systolic.safeParse(120.5))).toEqual(["Systolic must be a whole number"]);
    expect(issues(systolic.safeParse(301))).toEqual(["Systolic must be at most 300"]);
  });
  it("reads a text box's numeral in the browser, nothing looser", () => {
    inTheBrowser(() => {
      expect(systolic.parse(" 120 ")).toBe(120);
      for (const v of ["12O", "0x78", "1e2", [120]]) expect(systolic.safeParse(v).success, JSON.stringify(v)).toBe(false);
    });
  });
});

describe("calendar days", () => {
  it("knows real days, leap years included", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    for (const d of ["1980-02-30", "2026-02-29", "2026-13-45", "2026-00-10", "2026-04-31", "2026-1-05", "20260105", "2026-01-05T00:00:00Z"])
      expect(isCalendarDay(d), d).toBe(false);
  });
  it("keeps a day within its plausible bounds", () => {
    const day = calendarDay("Enter a date", { min: "1900-01-01", max: latestDayNow });
    expect(day.parse("1980-02-29")).toBe("1980-02-29");
    expect(issues(day.safeParse("1980-02-30"))).toEqual(["Enter a date"]);
    expect(issues(day.safeParse("2026-13-45"))).toEqual(["Enter a date"]);
    expect(issues(day.safeParse("1899-12-31"))[0]).toMatch(/too far in the past/);
    expect(issues(day.safeParse(dayInYears(1)))).toEqual(["This date is in the future"]);
    expect(day.safeParse(["2000-01-01"]).success).toBe(false);
  });
});

describe("instants carry their offset", () => {
  const at = instant({ notFuture: true });
  it("reads Z and ±hh:mm, and refuses a zone-less time on the server rather than reading it in the server's zone", () => {
    expect(at.parse("2026-01-05T10:00:00Z").toISOString()).toBe("2026-01-05T10:00:00.000Z");
    expect(at.parse("2026-01-05T10:00:00-05:00").toISOString()).toBe("2026-01-05T15:00:00.000Z");
    expect(at.parse("2026-01-05T10:00+05:45").toISOString()).toBe("2026-01-05T04:15:00.000Z");
    expect(issues(at.safeParse("2026-01-05T10:00:00"))).toEqual(["Send the time with its offset (Z or ±hh:mm)"]);
  });
  it("refuses impossible and implausible times, epoch numbers and arrays", () => {
    for (const v of ["2026-02-30T10:00:00Z", "2026-13-45T10:00:00Z", "2026-01-05T25:00:00Z", "yesterday", 1767600000000, ["2026-01-05T10:00:00Z"]])
      expect(issues(at.safeParse(v)), JSON.stringify(v)).toEqual(["Enter a valid time"]);
    expect(issues(at.safeParse("1900-01-01T00:00:00Z"))).toEqual(["This time is too far in the past"]);
    expect(issues(at.safeParse(new Date(Date.now() + 3_600_000).toISOString()))).toEqual(["This time is in the future"]);
  });
  it("reads a datetime-local box's wall-clock time in the browser, and treats blank as now", () => {
    expect(inTheBrowser(() => at.parse("2026-01-05T10:00"))).toBeInstanceOf(Date);
    expect(optionalInstant().parse("")).toBeUndefined();
    expect(optionalInstant().parse(null)).toBeUndefined();
  });
});
