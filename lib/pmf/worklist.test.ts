import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { pmfWorklist } from "./worklist";

const form = (sessionId: string, siteId: string, status: "DRAFT" | "READY" | "SUBMITTED") =>
  db().patientMonitoringForm.create({
    data: { sessionId, siteId, formVersion: "current-2024", status, dueDate: new Date("2026-03-20"), fields: {} },
    select: { id: true },
  });

let day = 1;
const session = (c: Awaited<ReturnType<typeof clinicFixture>>) =>
  db().treatmentSession.create({
    data: { patientId: c.patient.id, siteId: c.site.id, status: "DISCHARGED", treatmentDate: new Date(`2026-03-${String(day++).padStart(2, "0")}T00:00:00Z`) },
  });

describe("a form's site (issue 14 §4: the worklist reads a site's forms by index)", () => {
  it("is its session's: the database refuses a form filed under another site", async () => {
    const a = await clinicFixture();
    const b = await clinicFixture();
    const s = await session(a);
    await expect(form(s.id, b.site.id, "DRAFT")).rejects.toThrow(/foreign key|PatientMonitoringForm_sessionId_siteId_fkey/i);
    expect(await db().patientMonitoringForm.count({ where: { sessionId: s.id } })).toBe(0);
  });

  it("decides which forms a site's worklist shows, with the status filter", async () => {
    const a = await clinicFixture();
    const b = await clinicFixture();
    const ready = await form((await session(a)).id, a.site.id, "READY");
    const draft = await form((await session(a)).id, a.site.id, "DRAFT");
    await form((await session(b)).id, b.site.id, "READY");
    expect((await pmfWorklist([a.site.id], {})).rows.map((r) => r.id).sort()).toEqual([ready.id, draft.id].sort());
    expect((await pmfWorklist([a.site.id], { status: "READY" })).rows.map((r) => r.id)).toEqual([ready.id]);
    expect((await pmfWorklist([a.site.id, b.site.id], { status: "READY" })).total).toBe(2);
  });

  it("filters by the session's treatment date and by the patient's MRN or last name", async () => {
    const a = await clinicFixture();
    const b = await clinicFixture();
    const early = await session(a);
    const late = await session(a);
    const earlyForm = await form(early.id, a.site.id, "READY");
    const lateForm = await form(late.id, a.site.id, "DRAFT");
    const otherForm = await form((await session(b)).id, b.site.id, "READY");
    const lateDay = late.treatmentDate!.toISOString().slice(0, 10);
    const earlyDay = early.treatmentDate!.toISOString().slice(0, 10);
    const ids = async (q: Parameters<typeof pmfWorklist>[1]) => (await pmfWorklist([a.site.id, b.site.id], q)).rows.map((r) => r.id).sort();
    expect(await ids({ from: lateDay, to: lateDay })).toEqual([lateForm.id].sort());
    expect(await ids({ to: earlyDay, patient: a.patient.mrn })).toEqual([earlyForm.id]);
    expect(await ids({ patient: b.patient.lastName.toLowerCase() })).toEqual([otherForm.id]);
    expect(await ids({ patient: a.patient.lastName, status: "DRAFT" })).toEqual([lateForm.id]);
    expect((await pmfWorklist([a.site.id, b.site.id], { patient: a.patient.mrn })).total).toBe(2);
  });
});
