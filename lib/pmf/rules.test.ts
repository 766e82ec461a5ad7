import { describe, expect, it } from "vitest";
import { localDate } from "@/lib/sessions/local-time";
import { pmfDueState, pmfRequired } from "./rules";

describe("PMF due state (R37)", () => {
  it("a Friday session is due the next Friday and overdue on Saturday", () => {
    expect(pmfDueState("2026-03-06", "2026-03-13")).toMatchObject({ state: "due_soon", dueDate: "2026-03-13", daysLeft: 0 });
    expect(pmfDueState("2026-03-06", "2026-03-14")).toMatchObject({ state: "overdue", daysLeft: -1 });
  });
  it("is open to day 4, due soon on days 5–7", () => {
    expect(pmfDueState("2026-03-06", "2026-03-10").state).toBe("open");
    expect(pmfDueState("2026-03-06", "2026-03-11").state).toBe("due_soon");
  });
  it("counts calendar days in the site's zone across the spring DST change", () => {
    // Friday 2026-03-06, 20:30 in New York is already Saturday in UTC; the site's date decides.
    const session = new Date("2026-03-07T01:30:00Z");
    const treatmentDate = localDate(session, "America/New_York");
    expect(treatmentDate).toBe("2026-03-06");
    // Saturday 2026-03-14, 00:30 in New York (after the 8 March change) is overdue; 23:30 Friday is not.
    expect(pmfDueState(treatmentDate, localDate(new Date("2026-03-14T03:30:00Z"), "America/New_York")).state).toBe("due_soon");
    expect(pmfDueState(treatmentDate, localDate(new Date("2026-03-14T04:30:00Z"), "America/New_York")).state).toBe("overdue");
  });
});

describe("which sessions need a PMF (R36)", () => {
  it("outpatient sessions with at least one device only", () => {
    expect(pmfRequired({ settingType: "OUTPATIENT", devicesGiven: 1, pmfRequiredByRems: true })).toBe(true);
    expect(pmfRequired({ settingType: "OUTPATIENT", devicesGiven: 0, pmfRequiredByRems: true })).toBe(false);
    expect(pmfRequired({ settingType: "INPATIENT", devicesGiven: 2, pmfRequiredByRems: true })).toBe(false);
    expect(pmfRequired({ settingType: "OUTPATIENT", devicesGiven: 2, pmfRequiredByRems: false })).toBe(false);
  });
});
