import { describe, expect, it } from "vitest";
import { db, transaction } from "@/lib/db/client";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { recordAdverseEvent, resolveAdverseEvent, recordSessionDeviation } from "@/lib/sessions/commands";
import { recordDeviation } from "@/lib/sessions/deviations";
import { amendSession } from "@/lib/signoff/data";
import { adverseEventSchema } from "@/lib/sessions/schema";
import { amendPmf } from "./amend";
import { syncDraftPmf } from "./data";
import { pmfSubmittable } from "./rules";
import { markPmfSubmitted } from "./worklist";

const admin = { id: "admin-test", email: "admin@test.example", role: "ADMIN" };
const fieldsOf = async (id: string) => (await db().patientMonitoringForm.findUniqueOrThrow({ where: { id } })).fields as Record<string, unknown>;
const lateSeriousEvent = (onsetMinutesAgo = 30) =>
  adverseEventSchema.parse({
    type: "OTHER",
    description: "Fainted at home in the evening, seen in the ED",
    serious: true,
    onsetAt: new Date(Date.now() - onsetMinutesAgo * 60_000).toISOString(),
    interventions: [],
    outcome: "",
  });

describe("a PMF not yet submitted follows the session record (syncDraftPmf)", () => {
  it("a serious adverse event recorded after discharge makes the draft say 'serious adverse event: Yes'", async () => {
    const s = await dischargedSession();
    expect(await fieldsOf(s.pmfId)).toMatchObject({ "seriousAdverseEvent.occurred": false });
    await recordAdverseEvent(s.nurse, s.sessionId, lateSeriousEvent());
    const pmf = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } });
    expect(pmf.fields).toMatchObject({ "seriousAdverseEvent.occurred": true });
    // The status is re-derived with the fields, and the change is audited with before and after.
    expect(pmf.status).toBe(pmfSubmittable(pmf.fields as Record<string, unknown>, "DISCHARGED").ok ? "READY" : "DRAFT");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "pmf.sync", entityId: s.pmfId }, orderBy: { id: "desc" } });
    expect((audit.before as { fields: Record<string, unknown> }).fields["seriousAdverseEvent.occurred"]).toBe(false);
    expect((audit.after as { fields: Record<string, unknown> }).fields["seriousAdverseEvent.occurred"]).toBe(true);
  });

  it("a respiratory-depression event recorded and resolved after discharge shows on the draft", async () => {
    const s = await dischargedSession();
    const ev = adverseEventSchema.parse({
      type: "RESPIRATORY_DEPRESSION",
      description: "Shallow breathing noted at the door",
      serious: false,
      onsetAt: new Date(Date.now() - 60_000).toISOString(),
      interventions: [],
      outcome: "",
    });
    const { result } = await recordAdverseEvent(s.nurse, s.sessionId, ev);
    expect(await fieldsOf(s.pmfId)).toMatchObject({ "respiratoryDepression.occurred": true });
    const v = (await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } })).version;
    await resolveAdverseEvent(s.nurse, s.sessionId, result.id, undefined, "Resolved with stimulation");
    // Nothing on the form changed: the form is left as it was (no new version, no audit row).
    expect((await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } })).version).toBe(v);
  });

  it("a late entry (R49) and a clinician's deviation appear on the draft with their reasons; an amendment re-derives it too", async () => {
    const s = await dischargedSession();
    await transaction(async (tx) => {
      await recordDeviation(tx, s.nurse, {
        sessionId: s.sessionId,
        siteId: s.site.id,
        patientId: s.patient.id,
        code: "R49_LATE_ENTRY",
        description: "Vital signs of 10:40 entered at 11:30",
        reason: "Monitor offline",
      });
      await syncDraftPmf(tx, s.nurse, s.sessionId);
    });
    await recordSessionDeviation(s.nurse, s.sessionId, { description: "Second device given 9 minutes after the first", reason: "Patient needed a pause" });
    expect((await fieldsOf(s.pmfId)).protocolDeviations).toEqual([
      "Late entry: Vital signs of 10:40 entered at 11:30 — reason: Monitor offline",
      "Second device given 9 minutes after the first — reason: Patient needed a pause",
    ]);
    await db().patient.update({ where: { id: s.patient.id }, data: { lastName: "Corrected" } });
    await amendSession({ ...s.nurse, siteIds: [s.site.id] } as never, s.sessionId, {
      entryKind: "session",
      correction: "Surname corrected",
      reason: "Misspelt at registration",
    } as never);
    expect((await fieldsOf(s.pmfId))["patient.lastName"]).toBe("Corrected");
  });

  it("a submitted form does not change; its amendment in progress follows the record instead", async () => {
    const s = await dischargedSession();
    await markPmfSubmitted(admin, s.pmfId, { version: 1, channel: "ONLINE", confirmation: "PMF-SYNC-1", submittedAt: undefined });
    const submitted = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } });
    await recordAdverseEvent(s.nurse, s.sessionId, lateSeriousEvent());
    expect(await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } })).toEqual(submitted);
    const a = await amendPmf(admin, s.pmfId, { version: submitted.version, reason: "Serious event learnt of after submission" });
    expect(await fieldsOf(a.id)).toMatchObject({ "seriousAdverseEvent.occurred": true });
    const amendment = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: a.id } });
    await recordSessionDeviation(s.nurse, s.sessionId, {
      description: "Pre-discharge BP taken 20 minutes before discharge",
      reason: "Patient in the bathroom",
    });
    const after = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: a.id } });
    expect((after.fields as { protocolDeviations: string[] }).protocolDeviations).toContain(
      "Pre-discharge BP taken 20 minutes before discharge — reason: Patient in the bathroom",
    );
    // The amendment keeps its own due date; the original stays as submitted.
    expect(after.dueDate).toEqual(amendment.dueDate);
    expect(await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } })).toEqual(submitted);
  });

  it("does nothing for an open session or a session that needs no form", async () => {
    const s = await dischargedSession();
    await db().treatmentSession.update({ where: { id: s.sessionId }, data: { status: "MONITORING" } });
    expect(await transaction((tx) => syncDraftPmf(tx, s.nurse, s.sessionId))).toBeNull();
  });
});
