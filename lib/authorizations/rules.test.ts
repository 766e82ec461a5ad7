import { describe, expect, it } from "vitest";
import { coverageOn, coveringAuthorization, describePhases, frequencyWindow, renewalDue, type AuthorizationFacts } from "./rules";

// Twice weekly for 4 weeks, then weekly; 12 sessions; 2026-03-02 (a Monday) to 2026-05-31.
const auth: AuthorizationFacts = {
  id: "a1",
  payerName: "Acme Health",
  reference: "PA-1",
  startDate: "2026-03-02",
  endDate: "2026-05-31",
  phases: [
    { sessionsPerWeek: 2, weeks: 4 },
    { sessionsPerWeek: 1, weeks: 8 },
  ],
  sessionsApproved: 12,
};

describe("prior-authorization coverage", () => {
  it("the start and end dates are both covered (end inclusive); the day before and after are not", () => {
    expect(coverageOn(auth, "2026-03-02", []).ok).toBe(true);
    expect(coverageOn(auth, "2026-05-31", []).ok).toBe(true);
    expect(coverageOn(auth, "2026-03-01", [])).toMatchObject({ ok: false, code: "NOT_STARTED" });
    expect(coverageOn(auth, "2026-06-01", [])).toMatchObject({ ok: false, code: "EXPIRED", message: "Acme Health authorization PA-1 ended on 2026-05-31." });
  });

  it("frequency windows are 7 days from the start date: day 6 is in week 1, day 7 starts week 2", () => {
    expect(frequencyWindow(auth, "2026-03-08")).toEqual({ from: "2026-03-02", to: "2026-03-08", allowed: 2 });
    expect(frequencyWindow(auth, "2026-03-09")).toEqual({ from: "2026-03-09", to: "2026-03-15", allowed: 2 });
  });

  it("phase boundary: week 4 (day 27) allows 2, week 5 (day 28) allows 1", () => {
    expect(frequencyWindow(auth, "2026-03-29").allowed).toBe(2); // day 27
    expect(frequencyWindow(auth, "2026-03-30").allowed).toBe(1); // day 28
  });

  it("after the listed phases the last frequency continues until the end date", () => {
    const short = {
      ...auth,
      phases: [
        { sessionsPerWeek: 2, weeks: 1 },
        { sessionsPerWeek: 1, weeks: 1 },
      ],
    };
    expect(frequencyWindow(short, "2026-05-25").allowed).toBe(1);
  });

  it("a third session in a twice-weekly window is refused; the next window starts afresh", () => {
    const used = ["2026-03-02", "2026-03-05"];
    expect(coverageOn(auth, "2026-03-08", used)).toMatchObject({
      ok: false,
      code: "FREQUENCY_EXCEEDED",
      message: "Acme Health authorization PA-1 allows 2 sessions a week, and 2 are already used or booked between 2026-03-02 and 2026-03-08.",
    });
    expect(coverageOn(auth, "2026-03-09", used)).toMatchObject({ ok: true, sessionsUsed: 2, sessionsLeft: 10, window: { used: 0, allowed: 2 } });
  });

  it("in the weekly phase a second session in the window is refused", () => {
    expect(coverageOn(auth, "2026-04-02", ["2026-03-30"])).toMatchObject({ ok: false, code: "FREQUENCY_EXCEEDED" });
    expect(coverageOn(auth, "2026-04-06", ["2026-03-30"]).ok).toBe(true);
  });

  it("sessions used count only days inside the dates; when all approved sessions are used, no more is covered", () => {
    const few = { ...auth, sessionsApproved: 3 };
    expect(coverageOn(few, "2026-03-30", ["2026-02-27", "2026-03-02", "2026-03-10"])).toMatchObject({ ok: true, sessionsUsed: 2, sessionsLeft: 1 });
    expect(coverageOn(few, "2026-03-30", ["2026-03-02", "2026-03-10", "2026-03-17"])).toMatchObject({ ok: false, code: "SESSIONS_USED_UP" });
  });

  it("several authorizations: the first that covers wins; none on file says so", () => {
    const next = { ...auth, id: "a2", reference: "PA-2", startDate: "2026-06-01", endDate: "2026-08-31" };
    expect(coveringAuthorization([auth, next], "2026-06-01", [])).toMatchObject({ ok: true, coverage: { authorizationId: "a2" } });
    expect(coveringAuthorization([], "2026-06-01", [])).toMatchObject({ ok: false, message: "No prior authorization is on file for a session on 2026-06-01." });
    const none = coveringAuthorization([auth], "2026-06-02", []);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain("ended on 2026-05-31");
  });
});

describe("renewal list", () => {
  it("ending within 14 days (inclusive) or with 2 or fewer sessions left; an ended one is not listed", () => {
    expect(renewalDue(auth, "2026-05-17", [])).toMatchObject({ due: true, daysLeft: 14, reasons: ["ends in 14 days"] });
    expect(renewalDue(auth, "2026-05-16", []).due).toBe(false);
    expect(renewalDue(auth, "2026-05-31", []).reasons).toEqual(["ends today"]);
    expect(renewalDue(auth, "2026-06-01", []).due).toBe(false);
    const tenUsed = Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 2).padStart(2, "0")}`);
    expect(renewalDue(auth, "2026-03-20", tenUsed)).toMatchObject({ due: true, sessionsLeft: 2, reasons: ["2 sessions left"] });
    expect(renewalDue(auth, "2026-03-20", tenUsed.slice(1)).due).toBe(false);
  });

  it("phases read as the payer wrote them", () => {
    expect(describePhases(auth.phases)).toBe("2 a week for 4 weeks, then 1 a week after that");
    expect(describePhases([{ sessionsPerWeek: 1, weeks: 12 }])).toBe("1 a week");
  });
});
