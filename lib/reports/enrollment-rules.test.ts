import { describe, expect, it } from "vitest";
import { enrollmentState, transferNotice, treatedBeforeEnrollment } from "./enrollment-rules";

const at = new Date("2026-03-01T15:00:00Z");

describe("enrollment state (R6) and transfer notice (R42)", () => {
  it("needs both signatures, the submission with its channel and the REMS confirmation to count as enrolled", () => {
    expect(enrollmentState("OUTPATIENT", { patientSignedAt: at, prescriberSignedAt: at, submittedAt: at, channel: "FAX", remsConfirmation: "ENR-1" })).toBe(
      "enrolled",
    );
    expect(enrollmentState("OUTPATIENT", { patientSignedAt: at, prescriberSignedAt: at, submittedAt: at, channel: "FAX", remsConfirmation: null })).toBe(
      "pending",
    );
    expect(enrollmentState("OUTPATIENT", { patientSignedAt: at, prescriberSignedAt: at, submittedAt: null, channel: null, remsConfirmation: null })).toBe(
      "pending",
    );
    expect(
      enrollmentState("OUTPATIENT", { patientSignedAt: at, prescriberSignedAt: null, submittedAt: at, channel: "ONLINE", remsConfirmation: "ENR-1" }),
    ).toBe("pending");
    expect(enrollmentState("OUTPATIENT", null)).toBe("not_enrolled");
    expect(enrollmentState("INPATIENT", null)).toBe("not_required");
  });

  it("a transfer is notified in time the day before, late on the day itself or after, and flagged without a date", () => {
    expect(transferNotice("2026-03-10", "2026-03-09")).toBe("notified");
    expect(transferNotice("2026-03-10", "2026-03-10")).toBe("notified_late");
    expect(transferNotice("2026-03-10", "2026-03-12")).toBe("notified_late");
    expect(transferNotice("2026-03-10", null)).toBe("not_notified");
  });
});

describe("treated before enrollment (R6)", () => {
  it("flags a dose before the enrollment was complete, and a dose with none", () => {
    expect(treatedBeforeEnrollment("enrolled", "2026-11-05", "2026-11-01")).toBe(true);
    expect(treatedBeforeEnrollment("enrolled", "2026-11-05", "2026-11-05")).toBe(false);
    expect(treatedBeforeEnrollment("pending", null, "2026-11-01")).toBe(true);
    expect(treatedBeforeEnrollment("not_enrolled", null, null)).toBe(false);
    expect(treatedBeforeEnrollment("not_required", null, "2026-11-01")).toBe(false);
  });
});
