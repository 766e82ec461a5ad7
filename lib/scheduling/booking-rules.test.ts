import { describe, expect, it } from "vitest";
import { bookingFindings, type BookingFacts } from "./booking-rules";

const enrolled = {
  patientSignedAt: new Date("2026-01-05"),
  prescriberSignedAt: new Date("2026-01-05"),
  submittedAt: new Date("2026-01-05"),
  channel: "ONLINE" as const,
  remsConfirmation: "ENR-1",
};
const auth = {
  id: "a1",
  payerName: "Acme",
  reference: "PA-1",
  startDate: "2026-03-02",
  endDate: "2026-05-31",
  phases: [{ sessionsPerWeek: 2, weeks: 12 }],
  sessionsApproved: 20,
};
const ok: BookingFacts = {
  day: "2026-03-10",
  outpatient: true,
  enrollmentGateEnabled: true,
  enrollment: enrolled,
  contraindications: [],
  gateCautions: [],
  sameDay: null,
  authorizations: [auth],
  usedDays: [],
};
const codes = (f: BookingFacts) => bookingFindings(f).map((x) => `${x.code}:${x.strength}`);

describe("booking a chair", () => {
  it("an enrolled patient with a covering authorization and nothing open is booked without findings", () => {
    expect(bookingFindings(ok)).toEqual([]);
  });
  it("not enrolled (outpatient) is refused and says what is missing; an inpatient site does not ask", () => {
    const f = bookingFindings({ ...ok, enrollment: null });
    expect(f[0]).toMatchObject({ code: "BOOK_NOT_ENROLLED", strength: "HARD" });
    expect(f[0].message).toContain("not enrolled in the SPRAVATO REMS");
    expect(codes({ ...ok, enrollment: { ...enrolled, remsConfirmation: null } })).toEqual(["BOOK_NOT_ENROLLED:HARD"]);
    expect(codes({ ...ok, enrollment: null, outpatient: false })).toEqual([]);
  });
  it("no authorization covering the day or its frequency is refused with the payer's limit", () => {
    expect(codes({ ...ok, authorizations: [] })).toEqual(["BOOK_NO_AUTHORIZATION:HARD"]);
    expect(codes({ ...ok, day: "2026-06-01" })).toEqual(["BOOK_NO_AUTHORIZATION:HARD"]);
    const f = bookingFindings({ ...ok, usedDays: ["2026-03-09", "2026-03-11"] });
    expect(f[0].message).toContain("allows 2 sessions a week");
  });
  it("a session or another visit that day is refused (R23)", () => {
    expect(bookingFindings({ ...ok, sameDay: "session" })[0].message).toBe(
      "The patient already has a session on 2026-03-10: only one dosing session a calendar day.",
    );
    expect(codes({ ...ok, sameDay: "appointment" })).toEqual(["BOOK_SAME_DAY:HARD"]);
  });
  it("an open GATE caution warns (SOFT) and a contraindication refuses", () => {
    expect(codes({ ...ok, gateCautions: ["PSYCHOSIS_HISTORY"] })).toEqual(["BOOK_GATE_FLAG:SOFT"]);
    expect(bookingFindings({ ...ok, gateCautions: ["PSYCHOSIS_HISTORY"] })[0].message).toContain("history of psychosis");
    expect(codes({ ...ok, contraindications: ["HYPERSENSITIVITY"] })).toEqual(["BOOK_CONTRAINDICATION:HARD"]);
  });
});
