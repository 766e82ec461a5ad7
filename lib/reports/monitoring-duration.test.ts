import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { siteDay } from "@/lib/time/days";
import { dischargedSession } from "./testing/discharged-session";
import { monitoringDurations } from "./monitoring-duration";

describe("monitoring-duration report from discharged sessions", () => {
  it("counts each session's whole minutes from the first device and its ready-to-leave answer", async () => {
    const a = await dischargedSession({ t0MinutesAgo: 125, readyToLeaveMinutes: 70 });
    const b = await dischargedSession({ t0MinutesAgo: 142, readyToLeaveMinutes: 95 });
    // from the day the sessions began (yesterday, just after the site's midnight) to today
    const [from, day] = [siteDay(new Date(Date.now() - 4 * 3_600_000), "America/New_York"), siteDay(new Date(), "America/New_York")];
    const d = await monitoringDurations([a.site.id, b.site.id], from, day);
    expect(d.total.n).toBe(2);
    expect(Object.fromEntries(d.total.buckets.filter((x) => x.count).map((x) => [x.label, x.count]))).toEqual({ "120–129": 1, "140–149": 1 });
    expect([a.totalMinutes, b.totalMinutes]).toEqual([125, 142]);
    expect(d.total.median).toBe(133.5);
    expect(Object.fromEntries(d.ready.buckets.filter((x) => x.count).map((x) => [x.label, x.count]))).toEqual({ "60–74": 1, "90–104": 1 });
    // Another site's sessions and other dates stay out.
    expect((await monitoringDurations([a.site.id], from, day)).total.n).toBe(1);
    expect((await monitoringDurations([a.site.id], "2020-01-01", "2020-01-31")).total.n).toBe(0);
    expect(await db().treatmentSession.count({ where: { siteId: a.site.id, status: "DISCHARGED" } })).toBe(1);
  });

  // The app refuses changes to a closed session; the database keeps the report's row whatever path changes the rows.
  it("follows every change to the rows it is computed from: a first device struck out, the HCP's answer, the status", async () => {
    const a = await dischargedSession({ t0MinutesAgo: 131, readyToLeaveMinutes: 80 });
    const range = [siteDay(new Date(Date.now() - 4 * 3_600_000), "America/New_York"), siteDay(new Date(), "America/New_York")] as const;
    expect((await monitoringDurations([a.site.id], ...range)).total).toMatchObject({ n: 1, min: 131 });
    const first = await db().deviceAdministration.findFirstOrThrow({ where: { sessionId: a.sessionId }, orderBy: { administeredAt: "asc" } });
    await db().deviceAdministration.update({ where: { id: first.id }, data: { enteredInErrorAt: new Date(), enteredInErrorReason: "Wrong patient" } });
    // the second device, 5 minutes later, is the first live one now
    expect((await monitoringDurations([a.site.id], ...range)).total).toMatchObject({ n: 1, min: 126 });
    // The HCP's answer follows its row, and a session reopened from discharge leaves the report.
    await db().dischargeDecision.update({ where: { sessionId: a.sessionId }, data: { readyToLeaveMinutes: 100 } });
    expect((await monitoringDurations([a.site.id], ...range)).ready).toMatchObject({ n: 1, min: 100 });
    await db().treatmentSession.update({ where: { id: a.sessionId }, data: { status: "MONITORING" } });
    expect((await monitoringDurations([a.site.id], ...range)).total.n).toBe(0);
    await db().treatmentSession.update({ where: { id: a.sessionId }, data: { status: "DISCHARGED" } });
    expect((await monitoringDurations([a.site.id], ...range)).total).toMatchObject({ n: 1, min: 126 });
  });
});
