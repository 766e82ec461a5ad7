import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db/client";
import { siteDay } from "@/lib/time/days";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { dischargedSession } from "./testing/discharged-session";
import { distribution, READY_EDGES, tally, TOTAL_EDGES } from "./duration-rules";
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

describe("monitoring-duration report from the running tally", () => {
  type Fixture = Awaited<ReturnType<typeof clinicFixture>>;
  let n = 0;
  /** A session of the fixture's site whose MonitoringDuration row is written directly, as the refresh triggers would. */
  async function durationRow(c: Fixture, day: string, total: number, ready: number | null, client: Tx = db()) {
    const id = `md-${c.site.id}-${n++}`;
    await client.$executeRaw`INSERT INTO "TreatmentSession"(id, "patientId", "siteId", "chairId", "monitoringHcpId", status, indication, "checkedInAt", "treatmentDate", "plannedDoseMg", "updatedAt")
      VALUES (${id}, ${c.patient.id}, ${c.site.id}, ${c.chair.id}, ${c.nurse.id}, 'NOT_DOSED', 'TRD', now(), ${day}::date, 56, now())`;
    await client.$executeRaw`INSERT INTO "MonitoringDuration"("sessionId", "siteId", "treatmentDate", "totalMinutes", "readyToLeaveMinutes")
      VALUES (${id}, ${c.site.id}, ${day}::date, ${total}, ${ready})`;
    return id;
  }
  /** The oracle: each value counted straight from the sessions' rows in the range. */
  async function counted(siteIds: string[], from: string, to: string) {
    const rows = await db().$queryRaw<{ total: number; ready: number | null }[]>`SELECT "totalMinutes" AS total, "readyToLeaveMinutes" AS ready
      FROM "MonitoringDuration" WHERE "siteId" = ANY(${siteIds}::text[]) AND "treatmentDate" BETWEEN ${from}::date AND ${to}::date`;
    return {
      total: distribution(tally(rows.map((r) => r.total)), TOTAL_EDGES),
      ready: distribution(tally(rows.flatMap((r) => (r.ready == null ? [] : [r.ready]))), READY_EDGES),
    };
  }
  const RANGES: [string, string][] = [
    ["2026-01-01", "2026-12-31"],
    ["2026-03-02", "2026-03-02"],
    ["2026-02-15", "2026-04-10"],
    ["2026-04-11", "2026-06-01"],
    ["2025-01-01", "2026-02-28"],
    ["2026-05-01", "2026-04-01"],
  ];
  const expectSameAsCounted = async (siteIds: string[]) => {
    for (const [from, to] of RANGES) expect(await monitoringDurations(siteIds, from, to), `${from}…${to}`).toEqual(await counted(siteIds, from, to));
  };

  it("gives each range what counting its sessions gives, after rows added on many dates, out of order, changed and removed", async () => {
    const [a, b] = [await clinicFixture(), await clinicFixture()];
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 1, 1) + ((i * 37) % 120) * 86_400_000).toISOString().slice(0, 10));
    const ids: string[] = [];
    for (const [i, day] of days.entries()) ids.push(await durationRow(i % 3 ? a : b, day, 120 + (i % 17), i % 5 ? 60 + (i % 40) : null));
    await expectSameAsCounted([a.site.id]);
    await expectSameAsCounted([a.site.id, b.site.id]);
    // an old session's minutes change, one moves to another date, one is removed: the later running counts follow
    await db().$executeRaw`UPDATE "MonitoringDuration" SET "totalMinutes" = 175, "readyToLeaveMinutes" = 31 WHERE "sessionId" = ${ids[0]}`;
    await db().$executeRaw`UPDATE "MonitoringDuration" SET "treatmentDate" = '2026-03-02' WHERE "sessionId" = ${ids[7]}`;
    await db().$executeRaw`DELETE FROM "MonitoringDuration" WHERE "sessionId" = ${ids[1]}`;
    await expectSameAsCounted([a.site.id, b.site.id]);
    expect((await monitoringDurations([a.site.id, b.site.id], "2026-01-01", "2026-12-31")).total.n).toBe(39);
  });

  it("loses no count when transactions at one site add rows at once, on the same day and on earlier days", async () => {
    const c = await clinicFixture();
    await durationRow(c, "2026-03-10", 130, 90);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db().$transaction(async (tx) => {
          await durationRow(c, i % 2 ? "2026-03-10" : `2026-03-0${1 + i}`, 121 + i, 70 + i, tx);
          await new Promise((r) => setTimeout(r, 20)); // hold the site's lock while the others wait
        }),
      ),
    );
    expect((await monitoringDurations([c.site.id], "2026-03-01", "2026-03-31")).total.n).toBe(9);
    await expectSameAsCounted([c.site.id]);
  });
});
