// Data tests against the real PostgreSQL: a session run through the real commands, signed, exported as an
// audit packet, and checked by the standalone verifier an auditor runs (scripts/verify-packet.mjs).
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { canonicalJson } from "@/lib/audit/canonical";
import { contentHash, signedContent } from "@/lib/signoff/data";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { verifyPacket } from "../../scripts/verify-packet.mjs";
import { sessionAuditPacket } from "./data";

const admin = { id: "packet-admin", email: "packet-admin@test.example", role: "ADMIN" };
const rehash = (p: Record<string, unknown>) => {
  const { packetHash: _, ...rest } = p;
  return { ...rest, packetHash: createHash("sha256").update(canonicalJson(rest)).digest("hex") };
};
const failed = (p: unknown) =>
  verifyPacket(p)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

async function signedSession() {
  const c = await dischargedSession();
  const content = await signedContent(db(), c.sessionId);
  await db().sessionSignature.create({
    data: {
      sessionId: c.sessionId,
      signerId: c.psych.id,
      printedName: "psych Test",
      meaning: "REVIEWED",
      signedAt: new Date(),
      contentHash: contentHash(content),
    },
  });
  return c;
}

describe("a session's audit packet", () => {
  it("holds the record, the PMF, the valid signature, every audit row of the session and a fresh anchor; the standalone check says OK", async () => {
    const c = await signedSession();
    const packet = JSON.parse(JSON.stringify(await sessionAuditPacket(c.sessionId, admin)));
    expect(verifyPacket(packet)).toMatchObject({ ok: true });
    expect(packet.session).toMatchObject({ id: c.sessionId, status: "DISCHARGED", patient: { mrn: c.patient.mrn } });
    expect(packet.monitoringForms.map((f: { id: string }) => f.id)).toEqual([c.pmfId]);
    expect(packet.signature).toMatchObject({ state: "valid", meaning: "REVIEWED" });
    const entityTypes = new Set(packet.audit.rows.map((r: { entityType: string }) => r.entityType));
    for (const t of ["TreatmentSession", "ObservationVital", "DeviceAdministration", "PatientMonitoringForm", "SedationAssessment"])
      expect(entityTypes).toContain(t);
    expect(packet.audit.rows.at(-1)).toMatchObject({ action: "session.audit_packet", actorEmail: admin.email });
    expect(packet.audit.chainKey).toBe(c.site.id);
    expect(BigInt(packet.chain.anchor.auditId)).toBeGreaterThanOrEqual(BigInt(packet.audit.rows.at(-1).id));
    expect(packet.chain.verified).toBe(true);
    // No other session's rows.
    const other = await dischargedSession();
    expect(JSON.stringify(packet.audit.rows)).not.toContain(other.sessionId);
  });

  it("fails the standalone check when one byte is changed: a PMF value, an audit row, the signed content", async () => {
    const c = await signedSession();
    const packet = JSON.parse(JSON.stringify(await sessionAuditPacket(c.sessionId, admin)));
    const text = JSON.stringify(packet);
    const pmfEdited = JSON.parse(text);
    pmfEdited.monitoringForms[0].fields.readyToLeaveMinutes = 96;
    expect(failed(pmfEdited)).toEqual(["packet hash"]);
    const rowEdited = JSON.parse(text);
    rowEdited.audit.rows[1].actorEmail = "someone.else@test.example";
    expect(failed(rehash(rowEdited))).toEqual(["audit rows"]);
    const contentEdited = JSON.parse(text);
    contentEdited.signature.signedContent.session.plannedDoseMg = 84;
    expect(failed(rehash(contentEdited))).toEqual(["signature"]);
  });

  it("says 'changed' when the record no longer matches what was signed, and the check fails", async () => {
    const c = await signedSession();
    await db().observationVital.updateMany({ where: { sessionId: c.sessionId, kind: "PRE_DOSE" }, data: { systolic: 129 } });
    const packet = JSON.parse(JSON.stringify(await sessionAuditPacket(c.sessionId, admin)));
    expect(packet.signature.state).toBe("changed");
    expect(failed(packet)).toEqual(["signature"]);
  });
});
