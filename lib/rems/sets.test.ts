// Data tests against the real PostgreSQL: REMS parameter sets with an effective date (R45).
import { describe, expect, it } from "vitest";
import { atTime } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { checkIn } from "@/lib/sessions/commands";
import { loadSessionFacts } from "@/lib/sessions/data";
import { addDays, siteDay } from "@/lib/time/days";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { remsSetSchema, type RemsSetInput } from "./schema";
import { createRemsSet, remsSets, startOfDay, withdrawRemsSet } from "./sets";

const today = () => siteDay(new Date(), "America/New_York");
const input = (over: Partial<RemsSetInput> = {}): RemsSetInput => ({
  effectiveOn: addDays(today(), 1),
  pmfFormVersion: "current-2024",
  minObservationMinutes: 120,
  pmfRequired: true,
  pmfDueDays: 7,
  enrollmentGateEnabled: true,
  pulseOximetryRequired: true,
  deviceSpacingMinutes: 5,
  fortyMinuteTargetMinutes: 40,
  fortyMinuteWindowStart: 30,
  fortyMinuteWindowEnd: 50,
  preDoseBpGateSystolic: 140,
  preDoseBpGateDiastolic: 90,
  preCompletionBpWindowMinutes: 15,
  note: "",
  ...over,
});
const sessionParams = (sessionId: string, at: Date) => transaction(async (tx) => (await loadSessionFacts(tx, sessionId, at))!.facts.params);

describe("startOfDay", () => {
  it("is local midnight in the zone, across daylight saving", () => {
    expect(startOfDay("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDay("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDay("2026-07-01", "UTC").toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });
});

describe("REMS parameter sets (R45)", () => {
  it("a set taking effect tomorrow changes tomorrow's session, not today's; the PMF version follows it", async () => {
    const today1 = await clinicFixture();
    const tomorrow1 = await clinicFixture();
    const admin = today1.psych; // the lib function trusts its caller's authorization; the route checks rems.manage
    const tomorrow = addDays(today(), 1);
    const { effectiveFrom } = await createRemsSet(
      admin,
      remsSetSchema.parse(input({ effectiveOn: tomorrow, pmfFormVersion: "rems-2027", minObservationMinutes: 150 })),
    );
    expect(effectiveFrom).toBe(startOfDay(tomorrow, "America/New_York").toISOString());
    expect((await remsSets()).future.map((s) => s.pmfFormVersion)).toContain("rems-2027");

    const ci = (f: Awaited<ReturnType<typeof clinicFixture>>) =>
      checkIn(f.nurse, { patientId: f.patient.id, chairId: f.chair.id, prescriberOnSiteId: f.psych.id, monitoringHcpId: f.nurse.id, indication: "TRD" });
    const todays = (await ci(today1)).result;
    const now = new Date();
    expect(await sessionParams(todays.id, now)).toMatchObject({ pmfFormVersion: "current-2024", minObservationMinutes: 120 });

    const tomorrowMorning = new Date(startOfDay(tomorrow, "America/New_York").getTime() + 9 * 3600_000);
    const tomorrows = (await atTime(tomorrowMorning, () => ci(tomorrow1))).result;
    expect(await sessionParams(tomorrows.id, tomorrowMorning)).toMatchObject({ pmfFormVersion: "rems-2027", minObservationMinutes: 150 });
    // Today's session still reads today's set, even when looked at tomorrow (before any device, "now" is the check's time).
    expect((await sessionParams(todays.id, now)).pmfFormVersion).toBe("current-2024");
    const audits = await db().auditEvent.findMany({ where: { action: "rems.parameters_create", actorId: admin.id } });
    expect(audits.map((a) => (a.after as { pmfFormVersion: string }).pmfFormVersion)).toEqual(["rems-2027"]);
  });

  it("refuses a set dated today or in the past at the field, saving nothing; one set a day", async () => {
    const f = await clinicFixture();
    const before = await db().remsParameterSet.count();
    for (const day of [today(), addDays(today(), -30)]) {
      const e = await refusal(createRemsSet(f.psych, remsSetSchema.parse(input({ effectiveOn: day }))));
      expect(e.status).toBe(422);
      expect(e.fieldErrors?.effectiveOn?.[0]).toMatch(/future day/);
    }
    const later = addDays(today(), 40);
    await createRemsSet(f.psych, remsSetSchema.parse(input({ effectiveOn: later })));
    const dup = await refusal(createRemsSet(f.psych, remsSetSchema.parse(input({ effectiveOn: later }))));
    expect(dup.status).toBe(409);
    expect(dup.fieldErrors?.effectiveOn).toEqual(["A set already takes effect that day"]);
    expect(await db().remsParameterSet.count()).toBe(before + 1);
  });

  it("refuses impossible values at the field", () => {
    const r = remsSetSchema.safeParse(input({ fortyMinuteTargetMinutes: 60, preDoseBpGateDiastolic: 150, minObservationMinutes: "" }));
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["minObservationMinutes"]));
    const r2 = remsSetSchema.safeParse(input({ fortyMinuteTargetMinutes: 60, preDoseBpGateDiastolic: 150 }));
    expect(r2.error!.issues.map((i) => i.path.join("."))).toEqual(["fortyMinuteTargetMinutes", "preDoseBpGateDiastolic"]);
  });

  it("a future set can be withdrawn, audited; the set in force cannot (409)", async () => {
    const f = await clinicFixture();
    const { id } = await createRemsSet(f.psych, remsSetSchema.parse(input({ effectiveOn: addDays(today(), 50) })));
    await withdrawRemsSet(f.psych, id);
    expect(await db().remsParameterSet.findUnique({ where: { id } })).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "rems.parameters_withdraw", entityId: id } })).toBe(1);
    const inForce = (await remsSets()).inForce!;
    expect((await refusal(withdrawRemsSet(f.psych, inForce.id))).status).toBe(409);
    expect(await db().remsParameterSet.findUnique({ where: { id: inForce.id } })).not.toBeNull();
  });
});
