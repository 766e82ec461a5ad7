import { describe, expect, it } from "vitest";
import { checkClinicalTime, checkResolution, clinicalTimeContext, isLateEntry, BACK_ENTRY_MAX_DAYS, checkBackEntryCheckIn } from "./clinical-time-rules";

const checkedInAt = new Date("2026-12-04T16:11:00Z");
const now = new Date("2026-12-04T17:00:00Z");
const ctx = { now, checkedInAt, lateEntryMinutes: 10 };
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("R49 clinical time bounds", () => {
  it("absent time means now", () => expect(checkClinicalTime(undefined, ctx, "takenAt")).toEqual({ ok: true, at: now, late: false }));
  it("exactly now ok, 1 ms in the future refused", () => {
    expect(checkClinicalTime(now, ctx, "takenAt").ok).toBe(true);
    expect(checkClinicalTime(ms(now, 1), ctx, "takenAt")).toEqual({ ok: false, field: "takenAt", message: "This time is in the future" });
  });
  it("exactly at check-in ok (with a late reason), 1 ms before refused", () => {
    expect(checkClinicalTime(checkedInAt, ctx, "administeredAt", "paper chart").ok).toBe(true);
    expect(checkClinicalTime(ms(checkedInAt, -1), ctx, "administeredAt", "paper chart")).toMatchObject({ ok: false, field: "administeredAt" });
  });
  it("a time in 1900 is refused", () => expect(checkClinicalTime(new Date("1900-01-01T00:00:00Z"), ctx, "takenAt", "x").ok).toBe(false));
  it("exactly the threshold is not late; threshold + 1 s is late and needs a reason", () => {
    expect(checkClinicalTime(ms(now, -10 * 60_000), ctx, "takenAt")).toMatchObject({ ok: true, late: false });
    expect(checkClinicalTime(ms(now, -10 * 60_000 - 1000), ctx, "takenAt")).toEqual({
      ok: false,
      field: "lateReason",
      message: "Give the reason for late entry",
    });
    expect(checkClinicalTime(ms(now, -10 * 60_000 - 1000), ctx, "takenAt", "  ")).toMatchObject({ ok: false, field: "lateReason" });
    expect(checkClinicalTime(ms(now, -10 * 60_000 - 1000), ctx, "takenAt", "monitor offline")).toMatchObject({ ok: true, late: true });
  });
  it("the threshold is the site's", () => {
    expect(isLateEntry(ms(now, -6 * 60_000), { now, lateEntryMinutes: 5 })).toBe(true);
    expect(isLateEntry(ms(now, -6 * 60_000), { now, lateEntryMinutes: 10 })).toBe(false);
  });
  it("a back-entered session's entries are bounded but not late", () => {
    expect(checkClinicalTime(checkedInAt, { ...ctx, backEntered: true }, "takenAt")).toMatchObject({ ok: true, late: false });
    expect(checkClinicalTime(ms(checkedInAt, -1), { ...ctx, backEntered: true }, "takenAt").ok).toBe(false);
  });
  it("a resolution is never before its onset; equal is fine", () => {
    const onset = ms(now, -5 * 60_000);
    expect(checkResolution(onset, onset, ctx).ok).toBe(true);
    expect(checkResolution(ms(onset, -1), onset, ctx)).toEqual({ ok: false, field: "resolvedAt", message: "The event cannot end before its onset" });
  });
  it("a back-entered check-in is in the past and at most 30 days old, to the millisecond", () => {
    expect(checkBackEntryCheckIn(now, now).ok).toBe(true);
    expect(checkBackEntryCheckIn(ms(now, 1), now)).toMatchObject({ ok: false, field: "checkedInAt", message: "This time is in the future" });
    expect(checkBackEntryCheckIn(ms(now, -BACK_ENTRY_MAX_DAYS * 86_400_000), now).ok).toBe(true);
    expect(checkBackEntryCheckIn(ms(now, -BACK_ENTRY_MAX_DAYS * 86_400_000 - 1), now)).toMatchObject({ ok: false, field: "checkedInAt" });
  });
});

describe("a session's R49 bounds from its row", () => {
  const now = new Date("2026-12-05T15:00:00Z");
  it("a session never checked in has no past: a backdated entry is refused, one at now is not", () => {
    const ctx = clinicalTimeContext({ checkedInAt: null, lateEntryMinutes: 10, backEntered: false }, now);
    expect(ctx.checkedInAt).toEqual(now);
    expect(checkClinicalTime(new Date(now.getTime() - 60_000), ctx, "takenAt").ok).toBe(false);
    expect(checkClinicalTime(now, ctx, "takenAt").ok).toBe(true);
  });
  it("keeps the check-in, the site's late-entry minutes and the back-entry flag", () => {
    const checkedInAt = new Date("2026-12-05T13:00:00Z");
    expect(clinicalTimeContext({ checkedInAt, lateEntryMinutes: 15, backEntered: true }, now)).toEqual({
      now,
      checkedInAt,
      lateEntryMinutes: 15,
      backEntered: true,
    });
  });
});
