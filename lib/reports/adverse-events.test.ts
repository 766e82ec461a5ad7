import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db/client";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { AE_CSV_HEADER, adverseEventLog, aeCsvStream, recordReportedToRems } from "./adverse-events";

const admin = { id: "admin-test", email: "admin@test.example", role: "ADMIN" };

async function events() {
  const c = await clinicFixture();
  const ae = (onsetAt: string, serious: boolean, extra: object = {}) =>
    db().adverseEvent.create({
      data: {
        patientId: c.patient.id,
        siteId: c.site.id,
        type: serious ? "RESPIRATORY_DEPRESSION" : "DISSOCIATION",
        serious,
        onsetAt: new Date(onsetAt),
        description: serious ? "SpO2 88% twice, stimulated, oxygen 2 L" : "Felt detached, resolved",
        interventions: serious ? ["Stimulation", "Supplemental oxygen"] : [],
        recordedById: c.nurse.id,
        ...extra,
      },
    });
  // 02:00 UTC on 7 March is the evening of 6 March in New York.
  const seriousOpen = await ae("2026-03-07T02:00:00Z", true);
  const seriousDone = await ae("2026-03-02T15:00:00Z", true, { reportedToRemsAt: new Date("2026-03-03T12:00:00Z"), remsReference: "REMS-77" });
  const mild = await ae("2026-03-10T15:00:00Z", false, { resolvedAt: new Date("2026-03-10T16:00:00Z"), outcome: "Resolved" });
  return { c, seriousOpen, seriousDone, mild };
}

describe("adverse-event log (R41)", () => {
  it("lists the open serious event first and counts it; another site's events are not there", async () => {
    const { c, seriousOpen, seriousDone, mild } = await events();
    const other = await events();
    const log = await adverseEventLog([c.site.id], {});
    expect(log.rows.map((r) => r.id)).toEqual([seriousOpen.id, mild.id, seriousDone.id]);
    expect(log.openCount).toBe(1);
    expect(log.rows[0]).toMatchObject({ onset: "2026-03-06 21:00", serious: true, reportOpen: true, interventions: ["Stimulation", "Supplemental oxygen"] });
    expect(log.rows.map((r) => r.id)).not.toContain(other.seriousOpen.id);
  });

  it("never cuts an open report task off the list: a page of one still shows and counts it", async () => {
    const { c, seriousOpen, seriousDone, mild } = await events();
    const log = await adverseEventLog([c.site.id], {}, 1);
    expect(log.rows.map((r) => r.id)).toEqual([seriousOpen.id]);
    expect([log.openCount, log.pageCount]).toEqual([1, 3]);
    expect((await adverseEventLog([c.site.id], {}, 2)).rows.map((r) => r.id)).toEqual([seriousOpen.id, mild.id]);
    // The next pages continue after the open tasks, newest first, and sorted oldest first on request.
    expect((await adverseEventLog([c.site.id], { page: 2 }, 1)).rows.map((r) => r.id)).toEqual([mild.id]);
    expect((await adverseEventLog([c.site.id], { page: 3 }, 1)).rows.map((r) => r.id)).toEqual([seriousDone.id]);
    expect((await adverseEventLog([c.site.id], { page: 2, dir: "asc" }, 1)).rows.map((r) => r.id)).toEqual([seriousDone.id]);
  });

  it("filters by serious only and by onset date in the site's calendar", async () => {
    const { c, seriousOpen, seriousDone } = await events();
    expect((await adverseEventLog([c.site.id], { serious: "1" })).rows.map((r) => r.id)).toEqual([seriousOpen.id, seriousDone.id]);
    expect((await adverseEventLog([c.site.id], { from: "2026-03-06", to: "2026-03-06" })).rows.map((r) => r.id)).toEqual([seriousOpen.id]);
    expect((await adverseEventLog([c.site.id], { from: "2026-03-07", to: "2026-03-09" })).rows).toEqual([]);
    expect((await adverseEventLog([c.site.id], { type: "DISSOCIATION" })).rows.map((r) => r.type)).toEqual(["DISSOCIATION"]);
  });

  it("records the report once, with the date and reference, audited; it then leaves the open list", async () => {
    const { c, seriousOpen } = await events();
    const early = await refusal(recordReportedToRems(admin, seriousOpen.id, { version: 1, reportedOn: "2026-03-05", reference: "REMS-1" }));
    expect([early.status, early.fieldErrors?.reportedOn?.[0]]).toEqual([422, "The event began on 2026-03-06: it cannot have been reported before"]);
    await recordReportedToRems(admin, seriousOpen.id, { version: 1, reportedOn: "2026-03-06", reference: "REMS-2026-0042" });
    const row = await db().adverseEvent.findUniqueOrThrow({ where: { id: seriousOpen.id } });
    expect([row.remsReference, row.reportedToRemsAt?.toISOString(), row.version]).toEqual(["REMS-2026-0042", "2026-03-06T12:00:00.000Z", 2]);
    expect(await db().auditEvent.count({ where: { action: "adverse_event.reported_to_rems", entityId: seriousOpen.id } })).toBe(1);
    const log = await adverseEventLog([c.site.id], {});
    expect(log.openCount).toBe(0);
    expect(log.rows.find((r) => r.id === seriousOpen.id)).toMatchObject({ reportedOn: "2026-03-06", remsReference: "REMS-2026-0042" });
    expect((await refusal(recordReportedToRems(admin, seriousOpen.id, { version: 2, reportedOn: "2026-03-07", reference: "REMS-X" }))).code).toBe(
      "ALREADY_REPORTED",
    );
  });

  it("refuses a stale version, a non-serious outpatient event and a date after the site's today", async () => {
    const { seriousOpen, mild } = await events();
    expect((await refusal(recordReportedToRems(admin, seriousOpen.id, { version: 7, reportedOn: "2026-03-06", reference: "REMS-1" }))).code).toBe(
      "VERSION_CONFLICT",
    );
    expect((await refusal(recordReportedToRems(admin, mild.id, { version: 1, reportedOn: "2026-03-10", reference: "REMS-1" }))).code).toBe("NOT_REPORTABLE");
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await refusal(recordReportedToRems(admin, seriousOpen.id, { version: 1, reportedOn: tomorrow, reference: "REMS-1" }))).fieldErrors).toEqual({
      reportedOn: ["This date is in the future"],
    });
  });

  it("exports the filtered log as CSV, a row per event", async () => {
    const { c, seriousOpen } = await events();
    const rows = parse(await new Response(aeCsvStream([c.site.id], { serious: "1" }, 1)).text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(AE_CSV_HEADER);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.onset === "2026-03-06 21:00")).toMatchObject({
      serious: "Yes",
      reportToRems: "open",
      interventions: "Stimulation; Supplemental oxygen",
      patient: `${c.patient.lastName}, Pat`,
    });
    expect(rows.map((r) => r.onset)).not.toContain(String(seriousOpen.id));
  });
});
