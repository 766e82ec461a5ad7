import { describe, expect, it } from "vitest";
import { needsRemsReport, remsReportOpen, reportedDateProblem } from "./adverse-event-rules";
import { reportedToRemsSchema } from "./adverse-events-schema";

describe("reported-to-REMS task (R3, R41)", () => {
  it("applies to serious outpatient events and to every inpatient event", () => {
    expect(needsRemsReport({ serious: true, settingType: "OUTPATIENT" })).toBe(true);
    expect(needsRemsReport({ serious: false, settingType: "OUTPATIENT" })).toBe(false);
    expect(needsRemsReport({ serious: false, settingType: "INPATIENT" })).toBe(true);
  });

  it("is open until a report date is recorded", () => {
    expect(remsReportOpen({ serious: true, settingType: "OUTPATIENT", reportedToRemsAt: null })).toBe(true);
    expect(remsReportOpen({ serious: true, settingType: "OUTPATIENT", reportedToRemsAt: new Date() })).toBe(false);
    expect(remsReportOpen({ serious: false, settingType: "OUTPATIENT", reportedToRemsAt: null })).toBe(false);
  });

  it("accepts the onset date and the site's today, refuses the day before onset and tomorrow", () => {
    expect(reportedDateProblem("2026-03-06", "2026-03-06", "2026-03-09")).toBeNull();
    expect(reportedDateProblem("2026-03-09", "2026-03-06", "2026-03-09")).toBeNull();
    expect(reportedDateProblem("2026-03-05", "2026-03-06", "2026-03-09")).toMatch(/began on 2026-03-06/);
    expect(reportedDateProblem("2026-03-10", "2026-03-06", "2026-03-09")).toBe("This date is in the future");
  });

  it("the form schema refuses an empty reference, a malformed or far-future date", () => {
    const errors = (v: object) => reportedToRemsSchema.safeParse({ version: 1, ...v }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(errors({ reportedOn: "2026-03-09", reference: "  " })).toEqual(["reference: Enter the REMS reference number (at least 3 characters)"]);
    expect(errors({ reportedOn: "2999-01-01", reference: "REMS-1" })).toEqual(["reportedOn: This date is in the future"]);
    expect(errors({ reportedOn: "09/03/2026", reference: "=cmd()" })).toEqual([
      "reportedOn: Enter the date it was reported",
      "reference: Use letters, digits, spaces and . _ / - only",
    ]);
    expect(reportedToRemsSchema.parse({ version: 1, reportedOn: "2026-03-09", reference: " REMS-2026-0042 " }).reference).toBe("REMS-2026-0042");
  });
});
