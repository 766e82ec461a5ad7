import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/audit/canonical";
import { recordAudit, verifyOneAuditChain, type AuditActor } from "@/lib/audit/data";
import { anchorFile } from "@/lib/audit/anchor";
import { anchorAuditChain } from "@/lib/audit/anchors";
import { db } from "@/lib/db/client";
import { amendmentsOf, contentHash, signedContent, signOffRecord } from "@/lib/signoff/data";
import { amendmentNotes } from "@/lib/pmf/links";
import { dateOnly } from "@/lib/time/days";

// A session's audit packet (issue 15 §4): everything an auditor asks about one session, in one file that
// checks itself (scripts/verify-packet.mjs, no app needed): the record, its PMFs with amendments, the
// signature with its content, the audit rows that touch the session with their hashes, and the chain's
// verification with its newest anchor.
export const PACKET_FORMAT = "esketamine-tracker/audit-packet/1";

/** Every row id of the session's own records: the audit rows naming one of them touch the session. */
async function sessionEntityIds(sessionId: string): Promise<string[]> {
  const s = await db().treatmentSession.findUnique({
    where: { id: sessionId },
    select: {
      checklist: { select: { id: true } },
      discharge: { select: { id: true } },
      signature: { select: { id: true } },
      devices: { select: { id: true } },
      vitals: { select: { id: true } },
      sedation: { select: { id: true } },
      dissociation: { select: { id: true } },
      adverseEvents: { select: { id: true } },
      decisions: { select: { id: true } },
      deviations: { select: { id: true } },
      alerts: { select: { id: true } },
      acknowledgements: { select: { id: true } },
      preCompletion: { select: { id: true } },
      monitoringForms: { select: { id: true } },
      outcomes: { select: { id: true } },
      amendments: { select: { id: true } },
    },
  });
  if (!s) return [];
  const ids = [sessionId];
  for (const v of Object.values(s)) for (const r of Array.isArray(v) ? v : v ? [v] : []) ids.push(r.id);
  return ids;
}

export async function sessionAuditPacket(sessionId: string, actor: NonNullable<AuditActor>) {
  const record = await signOffRecord(sessionId);
  if (!record) return null;
  const session = await db().treatmentSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { siteId: true, patientId: true, status: true, treatmentDate: true, site: { select: { name: true, timeZone: true } } },
  });
  // The export itself is audited first, so the packet's own row is in the chain it reports.
  await recordAudit({
    actor,
    action: "session.audit_packet",
    entityType: "TreatmentSession",
    entityId: sessionId,
    siteId: session.siteId,
    patientId: session.patientId,
  });

  const sig = await db().sessionSignature.findUnique({ where: { sessionId } });
  const content = sig ? await signedContent(db(), sessionId, sig.signedAt) : null;
  const forms = await db().patientMonitoringForm.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    include: { amends: { select: { id: true, submittedAt: true, confirmation: true } } },
  });
  const ids = await sessionEntityIds(sessionId);
  const rows = await db().auditEvent.findMany({ where: { entityId: { in: ids } }, orderBy: { id: "asc" } });
  const chainKey = rows.at(-1)?.chainKey ?? session.siteId;
  // A fresh anchor of the chain's head covers every row above, the packet's own included.
  const anchor = await anchorAuditChain({ reason: "export", actorId: actor.id, chainKey });
  const chain = await verifyOneAuditChain(chainKey);

  const packet = {
    format: PACKET_FORMAT,
    generatedAt: new Date().toISOString(),
    generatedBy: actor.email,
    session: {
      id: sessionId,
      site: session.site.name,
      timeZone: session.site.timeZone,
      status: session.status,
      treatmentDate: session.treatmentDate ? dateOnly(session.treatmentDate) : null,
      patient: record.patient,
      chair: record.chair,
    },
    record: record.sections,
    monitoringForms: forms.map((f) => ({
      id: f.id,
      formVersion: f.formVersion,
      status: f.status,
      dueDate: dateOnly(f.dueDate),
      submittedAt: f.submittedAt?.toISOString() ?? null,
      channel: f.channel,
      confirmation: f.confirmation,
      amendsId: f.amendsId,
      amendmentReason: f.amendmentReason,
      fields: f.fields,
      links: amendmentNotes({ amendmentReason: f.amendmentReason, amends: f.amends }, session.site.timeZone),
    })),
    signature:
      sig && content
        ? {
            printedName: sig.printedName,
            meaning: sig.meaning,
            signedAt: sig.signedAt.toISOString(),
            contentHash: sig.contentHash,
            state: contentHash(content) === sig.contentHash ? "valid" : "changed",
            signedContent: JSON.parse(JSON.stringify(content)) as unknown,
          }
        : null,
    amendments: (await amendmentsOf(sessionId)).map((a) => ({ ...a, amendedAt: a.amendedAt.toISOString() })),
    audit: {
      chainKey,
      rows: rows.map((r) => ({
        id: r.id.toString(),
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorEmail: r.actorEmail,
        actorRole: r.actorRole,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        siteId: r.siteId,
        patientId: r.patientId,
        before: r.before ?? null,
        after: r.after ?? null,
        reason: r.reason,
        requestId: r.requestId,
        prevHash: r.prevHash,
        hash: r.hash,
      })),
    },
    chain: {
      verified: chain.intact,
      rows: chain.rows,
      summary: chain.intact
        ? `Chain ${chainKey}: all ${chain.rows} rows verified from the first; anchors intact.`
        : `Chain ${chainKey} is BROKEN${chain.broken ? ` at row ${chain.broken.id} (${chain.broken.problem})` : ""}${chain.anchors.gap ? "; an anchor names a row that is gone" : ""}.`,
      anchor: anchor ? anchorFile(anchor) : null,
    },
  };
  const packetHash = createHash("sha256").update(canonicalJson(packet)).digest("hex");
  return { ...packet, packetHash };
}
export type AuditPacket = NonNullable<Awaited<ReturnType<typeof sessionAuditPacket>>>;
