import { describe, expect, it } from "vitest";
import { siteDay } from "@/lib/time/days";
import { pmfDueState, pmfRequired, pmfSubmittable } from "./rules";

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
    const treatmentDate = siteDay(session, "America/New_York");
    expect(treatmentDate).toBe("2026-03-06");
    // Saturday 2026-03-14, 00:30 in New York (after the 8 March change) is overdue; 23:30 Friday is not.
    expect(pmfDueState(treatmentDate, siteDay(new Date("2026-03-14T03:30:00Z"), "America/New_York")).state).toBe("due_soon");
    expect(pmfDueState(treatmentDate, siteDay(new Date("2026-03-14T04:30:00Z"), "America/New_York")).state).toBe("overdue");
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

describe("marking a PMF submitted (R38, R40)", () => {
  const complete = Object.fromEntries(
    [
      "patient.firstName",
      "patient.lastName",
      "patient.birthDate",
      "patient.sex",
      "conmed.benzodiazepines",
      "conmed.nonBenzoSedativeHypnotics",
      "conmed.psychostimulants",
      "conmed.maois",
      "conmed.opioids",
      "monitoringHcp.firstName",
      "monitoringHcp.lastName",
      "monitoringHcp.telephone",
      "monitoringHcp.email",
      "site.name",
      "site.address1",
      "site.city",
      "site.state",
      "site.zip",
      "treatmentDate",
      "doseAdministered",
      "lotNumber",
      "bp.preAdministration",
      "bp.post40min",
      "bp.preCompletion",
    ].map((k) => [k, "x"]),
  );
  const fields = {
    ...complete,
    isFirstTreatment: false,
    totalMonitoringMinutes: 125,
    readyToLeaveMinutes: 90,
    vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: true,
    "sedation.occurred": false,
    "dissociation.occurred": false,
    "site.address2": "",
  };
  it("allows a complete form of a completed session", () => {
    expect(pmfSubmittable(fields, "DISCHARGED")).toEqual({ ok: true, missing: [] });
  });
  it("lists what is missing, the session's completion included", () => {
    expect(pmfSubmittable({ ...fields, "bp.post40min": null, readyToLeaveMinutes: null }, "MONITORING").missing).toEqual([
      "session completed",
      "readyToLeaveMinutes",
      "bp.post40min",
    ]);
  });
  it("refuses a first treatment without enrollment", () => {
    expect(pmfSubmittable({ ...fields, isFirstTreatment: true, isEnrolledInRems: false }, "DISCHARGED").missing).toEqual(["isEnrolledInRems"]);
  });
  it("accepts false and 0 as answers", () => {
    expect(pmfSubmittable({ ...fields, readyToLeaveMinutes: 0 }, "DISCHARGED").ok).toBe(true);
  });
});
