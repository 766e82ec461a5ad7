import "server-only";
import { serverNow } from "@/lib/clock";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { appendAudit } from "@/lib/audit/data";
import { canonicalJson } from "@/lib/audit/canonical";
import type { CurrentUser } from "@/lib/auth/current-user";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { db, transaction, type Tx } from "@/lib/db/client";
import { HttpError, invalidInput, notFoundError } from "@/lib/http/errors";
import { syncDraftPmf } from "@/lib/pmf/data";
import { mayAmend, signatureState, signOffProblems, type SignatureState } from "./rules";
import type { amendmentSchema, signSessionSchema } from "./schema";
import { signedSummary } from "./summary";

// Bookkeeping columns (row versions, update stamps) are left out: the signature covers what the record says.
// So is the administrator's REMS reporting of an adverse event (R41), which happens after the clinical review.
const OMIT = new Set(["version", "updatedAt", "reportedToRemsAt", "remsReference", "medWatchAt"]);
// Columns added after sessions were already signed: left out while empty, so a migration that adds them does not
// turn every earlier signature into "changed since signing"; once filled they are part of the signed record.
const ADDED_AFTER_SIGNING_BEGAN = new Set(["reason", "recordedById", "entityType", "entityId"]);
const strip = (row: object) => Object.fromEntries(Object.entries(row).filter(([k, v]) => !OMIT.has(k) && !(v === null && ADDED_AFTER_SIGNING_BEGAN.has(k))));

/** The signed content of a session: everything clinical that was recorded in it, as stored now. */
export async function signedContent(tx: Tx, sessionId: string, signedAt?: Date) {
  const s = await tx.treatmentSession.findUnique({
    where: { id: sessionId },
    include: {
      checklist: true,
      vitals: true,
      sedation: true,
      dissociation: true,
      decisions: true,
      discharge: true,
      deviations: true,
      devices: { include: { device: { select: { serial: true, lot: { select: { lotNumber: true, expiresOn: true } } } } } },
      // An event learnt of after signing is a new record beside the signed ones, not a change to them.
      adverseEvents: signedAt ? { where: { createdAt: { lte: signedAt } } } : true,
    },
  });
  if (!s) return null;
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id)).map(strip);
  return {
    session: strip({
      id: s.id,
      patientId: s.patientId,
      siteId: s.siteId,
      chairId: s.chairId,
      status: s.status,
      indication: s.indication,
      treatmentDate: s.treatmentDate,
      plannedDoseMg: s.plannedDoseMg,
      otherDoseReason: s.otherDoseReason,
      checkedInAt: s.checkedInAt,
      endOfMonitoringAt: s.endOfMonitoringAt,
      prescriberOnSiteId: s.prescriberOnSiteId,
    }),
    checklist: s.checklist ? strip(s.checklist) : null,
    vitals: byId(s.vitals),
    devices: byId(s.devices),
    sedation: byId(s.sedation),
    dissociation: byId(s.dissociation),
    adverseEvents: byId(s.adverseEvents),
    decisions: byId(s.decisions),
    deviations: byId(s.deviations),
    discharge: s.discharge ? strip(s.discharge) : null,
  };
}

export const contentHash = (content: unknown) => createHash("sha256").update(canonicalJson(content)).digest("hex");

export type SignatureView = { printedName: string; meaning: string; signedAt: Date; state: SignatureState };

/** The session's signature, re-checked against the content as stored now; null when unsigned. */
export async function signatureOf(sessionId: string): Promise<SignatureView | null> {
  const sig = await db().sessionSignature.findUnique({ where: { sessionId } });
  if (!sig) return null;
  const content = await signedContent(db(), sessionId, sig.signedAt);
  return { printedName: sig.printedName, meaning: sig.meaning, signedAt: sig.signedAt, state: signatureState(sig.contentHash, contentHash(content)) };
}

/** Signing needs the signer's password again; the hash of the content is stored with the printed name, time and meaning. */
export async function signSession(user: CurrentUser, sessionId: string, input: z.output<typeof signSessionSchema>) {
  const actor = { id: user.id, email: user.email, role: user.role };
  const account = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, passwordHash: true, firstName: true, lastName: true } });
  if (!(await confirmPassword(account, input.password))) {
    const s = await db().treatmentSession.findUnique({ where: { id: sessionId }, select: { siteId: true, patientId: true } });
    await transaction((tx) =>
      appendAudit(tx, {
        actor,
        action: "session.sign_refused",
        entityType: "TreatmentSession",
        entityId: sessionId,
        siteId: s?.siteId,
        patientId: s?.patientId,
        reason: "wrong password",
      }),
    );
    throw invalidInput({ password: ["The password is not correct"] }, "The password is not correct: the session was not signed.");
  }
  return transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "TreatmentSession" WHERE id = ${sessionId} FOR UPDATE`;
    const s = await tx.treatmentSession.findUnique({
      where: { id: sessionId },
      select: {
        status: true,
        siteId: true,
        patientId: true,
        signature: { select: { id: true } },
        _count: { select: { adverseEvents: { where: { resolvedAt: null } } } },
      },
    });
    if (!s) throw notFoundError("Session");
    const problems = signOffProblems(s.status, !!s.signature, input.meaning, s._count.adverseEvents);
    if (problems.length) throw new HttpError(409, s.signature ? "ALREADY_SIGNED" : "NOT_SIGNABLE", problems.join(" "));
    const signedAt = serverNow();
    const content = await signedContent(tx, sessionId, signedAt);
    const signature = await tx.sessionSignature.create({
      data: {
        sessionId,
        signerId: user.id,
        printedName: `${account.firstName} ${account.lastName}`,
        meaning: input.meaning,
        signedAt,
        contentHash: contentHash(content),
      },
    });
    await appendAudit(tx, {
      actor,
      action: "session.sign",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId: s.siteId,
      patientId: s.patientId,
      after: signature,
    });
    return { id: signature.id, signedAt: signature.signedAt };
  });
}

const ENTRY_TABLES = {
  vital: "observationVital",
  device: "deviceAdministration",
  sedation: "sedationAssessment",
  dissociation: "dissociationAssessment",
  event: "adverseEvent",
  decision: "clinicalDecision",
} as const;

/** A correction after the session closed: kept beside the original, which stays as it was signed. */
export async function amendSession(user: CurrentUser, sessionId: string, input: z.output<typeof amendmentSchema>) {
  const actor = { id: user.id, email: user.email, role: user.role };
  return transaction(async (tx) => {
    const s = await tx.treatmentSession.findUnique({ where: { id: sessionId }, select: { status: true, siteId: true, patientId: true } });
    if (!s) throw notFoundError("Session");
    if (!mayAmend(s.status))
      throw new HttpError(409, "SESSION_OPEN", "This session is still open: correct the entry itself (mark it entered in error and record it again).");
    if (input.entryKind !== "session") {
      const table = tx[ENTRY_TABLES[input.entryKind]] as unknown as { findFirst(a: object): Promise<{ id: string } | null> };
      if (!input.entryId || !(await table.findFirst({ where: { id: input.entryId, sessionId }, select: { id: true } })))
        throw invalidInput({ entryId: ["Choose an entry of this session to correct"] });
    }
    const amendment = await tx.sessionAmendment.create({
      data: {
        sessionId,
        entryKind: input.entryKind,
        entryId: input.entryKind === "session" ? null : input.entryId,
        correction: input.correction,
        reason: input.reason,
        authorId: user.id,
        amendedAt: serverNow(),
      },
    });
    await appendAudit(tx, {
      actor,
      action: "session.amend",
      entityType: "TreatmentSession",
      entityId: sessionId,
      siteId: s.siteId,
      patientId: s.patientId,
      after: amendment,
      reason: input.reason,
    });
    await syncDraftPmf(tx, actor, sessionId);
    return { id: amendment.id };
  });
}

export async function amendmentsOf(sessionId: string) {
  const rows = await db().sessionAmendment.findMany({
    where: { sessionId },
    orderBy: { amendedAt: "asc" },
    include: { author: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    entryKind: a.entryKind,
    entryId: a.entryId,
    correction: a.correction,
    reason: a.reason,
    amendedAt: a.amendedAt,
    author: `${a.author.firstName} ${a.author.lastName}`,
  }));
}

/**
 * What the sign-off page shows: the record in words, built from the very content that is (or was) hashed for
 * the signature — as stored now while unsigned, as it was at signing once signed — and why it cannot be signed yet.
 */
export async function signOffRecord(sessionId: string) {
  const heading = await db().treatmentSession.findUnique({
    where: { id: sessionId },
    select: {
      patient: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      site: { select: { name: true, timeZone: true } },
      chair: { select: { label: true } },
    },
  });
  if (!heading) return null;
  const timeZone = heading.site.timeZone;
  const signature = await signatureOf(sessionId);
  const content = await signedContent(db(), sessionId, signature?.signedAt);
  if (!content) return null;
  const openEvents = content.adverseEvents.filter((a) => a.resolvedAt == null).length;
  return {
    patient: { id: heading.patient.id, name: `${heading.patient.firstName} ${heading.patient.lastName}`, mrn: heading.patient.mrn },
    site: heading.site.name,
    chair: heading.chair?.label ?? null,
    timeZone,
    signature,
    sections: signedSummary(content, timeZone),
    status: String(content.session.status),
    problems: signature ? [] : signOffProblems(String(content.session.status), false, "REVIEWED", openEvents),
  };
}
