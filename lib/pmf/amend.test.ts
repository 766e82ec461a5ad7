import { describe, expect, it } from "vitest";
import { refusal } from "@/lib/http/testing/refusal";
import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { amendPmf } from "./amend";
import { pmfForms } from "./export";
import { markPmfSubmitted, pmfWorklist } from "./worklist";
import { amendPmfSchema } from "./schema";
import { pmfFieldsCsv } from "./fields-csv";

const admin = { id: "admin-test", email: "admin@test.example", role: "ADMIN" };

async function submittedForm() {
  const s = await dischargedSession();
  await markPmfSubmitted(admin, s.pmfId, { version: 1, channel: "ONLINE", confirmation: "PMF-TEST-1", submittedAt: undefined });
  return s;
}

describe("PMF amendment (R38, R39)", () => {
  it("creates a linked form derived again from the session; the submitted original does not change", async () => {
    const s = await submittedForm();
    const before = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } });
    // The registration had the wrong surname: corrected on the patient record after submission.
    await db().patient.update({ where: { id: s.patient.id }, data: { lastName: "Corrected" } });
    const a = await amendPmf(admin, s.pmfId, { version: before.version, reason: "Surname misspelt at registration" });
    const amendment = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: a.id } });
    expect(amendment).toMatchObject({
      amendsId: s.pmfId,
      sessionId: s.sessionId,
      status: "READY",
      amendmentReason: "Surname misspelt at registration",
      formVersion: before.formVersion,
    });
    // Both writers store the field cells of the export with the fields (issue 14 §5).
    expect(before.fieldsCsv).toBe(pmfFieldsCsv(before.fields));
    expect(amendment.fieldsCsv).toBe(pmfFieldsCsv(amendment.fields));
    expect(amendment.fieldsCsv).toContain("Corrected");
    // Due 7 days from the day it is made (site calendar), not overdue from birth like the original.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: s.site.timeZone }).format(new Date());
    expect(amendment.dueDate.toISOString().slice(0, 10)).toBe(new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
    // Filtered by status, the submitted original still stands while its amendment is not submitted; unfiltered, the amendment does.
    const exported = async (status?: "SUBMITTED") => {
      const ids: string[] = [];
      for await (const f of pmfForms({ siteId: s.site.id, from: "2000-01-01", to: "2100-01-01", status })) ids.push(f.sessionId + ":" + f.status);
      return ids;
    };
    expect(await exported("SUBMITTED")).toEqual([`${s.sessionId}:SUBMITTED`]);
    expect(await exported()).toEqual([`${s.sessionId}:READY`]);
    expect(amendment.fields).toMatchObject({
      "patient.lastName": "Corrected",
      totalMonitoringMinutes: s.totalMinutes,
      readyToLeaveMinutes: 95,
      "bp.post40min": "150/90",
    });
    const after = await db().patientMonitoringForm.findUniqueOrThrow({ where: { id: s.pmfId } });
    expect(after).toEqual(before);
    expect((after.fields as Record<string, unknown>)["patient.lastName"]).toBe(s.patient.lastName);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "pmf.amend", entityId: a.id } });
    expect(audit).toMatchObject({ reason: "Surname misspelt at registration", siteId: s.site.id, patientId: s.patient.id });

    // The worklist shows the link both ways.
    const { rows } = await pmfWorklist([s.site.id], {});
    expect(rows.find((r) => r.id === s.pmfId)?.amendedBy).toMatchObject({ id: a.id, status: "READY", reason: "Surname misspelt at registration" });
    expect(rows.find((r) => r.id === a.id)?.amends).toMatchObject({ id: s.pmfId, confirmation: "PMF-TEST-1", reason: "Surname misspelt at registration" });
  });

  it("allows one amendment per form: a second one, even at the same moment, is a 409", async () => {
    const s = await submittedForm();
    const results = await Promise.allSettled([1, 2].map(() => amendPmf(admin, s.pmfId, { version: 2, reason: "Lot number checked again" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as HttpError;
    expect([failed.status, failed.code]).toEqual([409, "ALREADY_AMENDED"]);
    expect((await refusal(amendPmf(admin, s.pmfId, { version: 2, reason: "Lot number checked again" }))).code).toBe("ALREADY_AMENDED");
    expect(await db().patientMonitoringForm.count({ where: { amendsId: s.pmfId } })).toBe(1);
  });

  it("refuses a draft (not submitted) and a stale version", async () => {
    const s = await dischargedSession();
    expect((await refusal(amendPmf(admin, s.pmfId, { version: 1, reason: "Nothing submitted yet" }))).code).toBe("NOT_SUBMITTED");
    await markPmfSubmitted(admin, s.pmfId, { version: 1, channel: "FAX", confirmation: "RCPT-9", submittedAt: undefined });
    const e = await refusal(amendPmf(admin, s.pmfId, { version: 1, reason: "Opened before it was submitted" }));
    expect([e.status, e.code]).toEqual([409, "VERSION_CONFLICT"]);
  });

  it("requires a reason of at least 10 characters", () => {
    const r = amendPmfSchema.safeParse({ version: 2, reason: "  typo " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringContaining("at least 10 characters") });
  });
});
