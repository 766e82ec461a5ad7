import { describe, expect, it } from "vitest";
import {
  counsellingCompleteAt,
  counsellingMissing,
  enrolledBy,
  enrollmentComplete,
  enrollmentMissing,
  futureEnrollmentDates,
  type EnrollmentFacts,
} from "./enrollment-rules";
import { COUNSELLING_TOPICS, enrollmentOrderIssues } from "./enrollment-schema";

const t = (iso: string) => new Date(iso);
const full: EnrollmentFacts = {
  patientSignedAt: t("2026-03-01T05:00:00Z"),
  prescriberSignedAt: t("2026-03-01T05:00:00Z"),
  submittedAt: t("2026-03-02T05:00:00Z"),
  channel: "ONLINE",
  remsConfirmation: "ENR-1",
};

describe("R6: the Patient Enrollment Form opens the dosing gate only when complete", () => {
  it("needs both signatures, the submission date and channel and the REMS confirmation", () => {
    expect(enrollmentComplete(full)).toBe(true);
    expect(enrollmentMissing(null)).toHaveLength(5);
    expect(enrollmentMissing({ ...full, prescriberSignedAt: null })).toEqual(["prescriberSignedAt"]);
    expect(enrollmentMissing({ ...full, channel: null, remsConfirmation: "" })).toEqual(["channel", "remsConfirmation"]);
  });

  it("counts at a moment only if submitted at or before it (the first device's time)", () => {
    expect(enrolledBy(full, t("2026-03-02T05:00:00Z"))).toBe(true);
    expect(enrolledBy(full, t("2026-03-02T04:59:59Z"))).toBe(false);
    expect(enrolledBy({ ...full, remsConfirmation: null }, t("2026-04-01T00:00:00Z"))).toBe(false);
  });

  it("refuses dates after the site's today, each at its field", () => {
    expect(futureEnrollmentDates({ patientSignedOn: "2026-03-02", prescriberSignedOn: "2026-03-03", submittedOn: "2026-03-03" }, "2026-03-02")).toEqual({
      prescriberSignedOn: ["The prescriber's signature date is in the future"],
      submittedOn: ["The submission date is in the future"],
    });
    expect(futureEnrollmentDates({ patientSignedOn: "2026-03-02", prescriberSignedOn: "", submittedOn: "" }, "2026-03-02")).toEqual({});
  });

  it("submits after both signatures (same day allowed), with a channel; no channel or confirmation without a submission", () => {
    const base = { patientSignedOn: "2026-03-01", prescriberSignedOn: "2026-03-02", submittedOn: "2026-03-02", channel: "FAX" as const, remsConfirmation: "" };
    expect(enrollmentOrderIssues(base)).toEqual([]);
    expect(enrollmentOrderIssues({ ...base, submittedOn: "2026-03-01" }).map((i) => i.path)).toEqual(["submittedOn"]);
    expect(enrollmentOrderIssues({ ...base, prescriberSignedOn: "" }).map((i) => i.path)).toEqual(["prescriberSignedOn"]);
    expect(enrollmentOrderIssues({ ...base, submittedOn: "", channel: "", remsConfirmation: "ENR-9" }).map((i) => i.path)).toEqual(["submittedOn"]);
    // The prescriber may sign before the patient: no order between the two signatures.
    expect(enrollmentOrderIssues({ ...base, patientSignedOn: "2026-03-02", prescriberSignedOn: "2026-03-01" })).toEqual([]);
  });
});

describe("R7: counselling on every REMS topic before the first dose", () => {
  const visit1 = { counselledAt: t("2026-03-01T15:00:00Z"), topics: ["sedation", "dissociation", "respiratory_depression", "blood_pressure"] };
  const visit2 = { counselledAt: t("2026-03-03T15:00:00Z"), topics: ["two_hour_monitoring", "ride_home", "no_driving"] };

  it("lists the seven topics of REMS.md R7", () => {
    expect(COUNSELLING_TOPICS).toEqual([
      "sedation",
      "dissociation",
      "respiratory_depression",
      "blood_pressure",
      "two_hour_monitoring",
      "ride_home",
      "no_driving",
    ]);
  });

  it("is complete when the visits together cover every topic, at the visit that covered the last one", () => {
    expect(counsellingCompleteAt([visit2, visit1])).toEqual(visit2.counselledAt);
    expect(counsellingCompleteAt([visit1])).toBeNull();
    expect(counsellingCompleteAt([])).toBeNull();
    expect(counsellingCompleteAt([{ counselledAt: visit1.counselledAt, topics: [...COUNSELLING_TOPICS] }])).toEqual(visit1.counselledAt);
  });

  it("names the topics still missing at a moment", () => {
    expect(counsellingMissing([visit1, visit2], t("2026-03-02T00:00:00Z"))).toEqual(["two_hour_monitoring", "ride_home", "no_driving"]);
    expect(counsellingMissing([visit1, visit2])).toEqual([]);
    expect(counsellingMissing([visit1, visit2], visit2.counselledAt)).toEqual([]);
  });
});
