import { describe, expect, it } from "vitest";
import { siteDay } from "@/lib/time/days";
import { db } from "@/lib/db/client";
import { markEnteredInError, recordDevice, recordSessionDeviation } from "@/lib/sessions/commands";
import { minutesAgo, readyToDose } from "@/lib/sessions/testing/session-steps";
import { dischargedSession } from "./testing/discharged-session";
import { deviationReport, type DeviationCursor } from "./deviations";

const today = () => siteDay(new Date(), "America/New_York");
// The sessions began up to ~3 hours ago: just after midnight at the site that was yesterday.
const since = () => siteDay(new Date(Date.now() - 4 * 3_600_000), "America/New_York");

describe("protocol-deviation report from sessions run through the chair-side commands", () => {
  it("reports the late 40-minute BP, missing SpO2, the R14 GATE and the acknowledged food warning of one session", async () => {
    const s = await dischargedSession({ readingAtMinute: 53, preCompletionSpo2: null, elevatedPreDose: true, lateFood: true });
    const report = await deviationReport([s.site.id], since(), today());
    expect(report.checked).toBe(1);
    expect(report.rows).toHaveLength(1);
    const d = report.rows[0].deviations;
    expect(d.map((x) => x.code)).toEqual(["R25_OUTSIDE_WINDOW", "R27_SPO2_PRE_DISCHARGE", "R14_GATE", "R12_FOOD"]);
    expect(d[0].message).toBe("40-minute BP taken at 53 minutes (window 30–50).");
    expect(d[2].message).toContain("proceed — psych Test: “Asymptomatic, usual range for this patient”");
    expect(d[3].message).toBe(`Warning acknowledged at device 1 by nurse Test: food less than 2 hours before the first device.`);
  });

  it("leaves out a session run to protocol, other sites and other dates", async () => {
    const clean = await dischargedSession();
    const other = await dischargedSession({ readingAtMinute: 53 });
    expect(await deviationReport([clean.site.id], since(), today())).toEqual({ inRange: 1, capped: false, checked: 1, next: null, rows: [] });
    const first = await deviationReport([clean.site.id, other.site.id], since(), today(), { maxChecked: 1 });
    expect(first).toMatchObject({ inRange: 2, checked: 1 });
    expect(first.next).not.toBeNull();
    const whole = await deviationReport([clean.site.id, other.site.id], since(), today());
    // The first page counts the range from its own scan; a later page or a shorter scan asks the database.
    expect(whole).toMatchObject({ inRange: 2, capped: false, checked: 2, next: null });
    expect(whole.rows.map((r) => r.sessionId)).toEqual([other.sessionId]);
    expect(await deviationReport([clean.site.id, other.site.id], since(), today(), { after: first.next! })).toMatchObject({
      inRange: 2,
      checked: 1,
      next: null,
    });
    expect((await deviationReport([other.site.id], "2020-01-01", "2020-12-31")).checked).toBe(0);
  });

  it("goes past any number of sessions a page at a time: each session with findings once, newest first, then no next page", async () => {
    const a = await dischargedSession({ readingAtMinute: 53 });
    const b = await dischargedSession({ readingAtMinute: 53 });
    const c = await dischargedSession();
    const d = await dischargedSession({ readingAtMinute: 53 });
    const sites = [a, b, c, d].map((x) => x.site.id);
    const seen: string[] = [];
    let after: DeviationCursor | undefined;
    let pages = 0;
    for (;;) {
      const page = await deviationReport(sites, since(), today(), { after, pageRows: 1, maxChecked: 2 });
      seen.push(...page.rows.map((r) => r.sessionId));
      pages++;
      if (!page.next) break;
      after = page.next;
      expect(pages).toBeLessThan(10);
    }
    expect(seen.sort()).toEqual([a.sessionId, b.sessionId, d.sessionId].sort());
    expect(seen).not.toContain(c.sessionId);
  });

  it("finds its sessions by two flags the database keeps from the session's rows: a live device, and deviation, GATE or acknowledgement rows", async () => {
    const s = await readyToDose();
    const flags = () => db().treatmentSession.findUniqueOrThrow({ where: { id: s.sessionId }, select: { dosed: true, hasDeviationRecords: true } });
    expect(await flags()).toEqual({ dosed: false, hasDeviationRecords: false });
    const device = await recordDevice(s.nurse, s.sessionId, { deviceId: s.devices[0].id, administeredAt: minutesAgo(70), acknowledgedWarnings: [] });
    expect(await flags()).toEqual({ dosed: true, hasDeviationRecords: false });
    expect((await deviationReport([s.site.id], since(), today())).inRange).toBe(1);
    await markEnteredInError(s.nurse, s.sessionId, "device", device.result.id, "Wrong device scanned at the chair");
    expect(await flags()).toEqual({ dosed: false, hasDeviationRecords: false });
    expect((await deviationReport([s.site.id], since(), today())).inRange).toBe(0);
    await recordSessionDeviation(s.nurse, s.sessionId, { description: "Observation room unavailable", reason: "Fire drill in the clinic" });
    expect(await flags()).toEqual({ dosed: false, hasDeviationRecords: true });
  });

  it("reads a session still open from its readings as they stand: a 40-minute BP overdue shows before any row is written", async () => {
    const s = await readyToDose();
    await recordDevice(s.nurse, s.sessionId, { deviceId: s.devices[0].id, administeredAt: minutesAgo(70), acknowledgedWarnings: [] });
    await recordDevice(s.nurse, s.sessionId, { deviceId: s.devices[1].id, administeredAt: minutesAgo(65), acknowledgedWarnings: [] });
    const report = await deviationReport([s.site.id], since(), today());
    expect(report).toMatchObject({ inRange: 1, checked: 1, next: null });
    expect(report.rows.map((r) => [r.status, r.deviations.map((d) => d.code)])).toEqual([["MONITORING", ["R25_MISSING"]]]);
  });
});
