import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FhirSessionDto } from "./session-dto";
import { dateOnly } from "@/lib/time/days";

// Everything one session's Bundle needs, in one query per batch of sessions (explicit include, DTO out).
const INCLUDE = {
  site: { select: { id: true, code: true, name: true, remsSettingId: true, address1: true, address2: true, city: true, state: true, zip: true, phone: true } },
  patient: { select: { id: true, mrn: true, firstName: true, lastName: true, birthDate: true, sex: true } },
  devices: {
    orderBy: { sequence: "asc" },
    include: { device: { select: { serial: true, lot: { select: { ndc: true, lotNumber: true, expiresOn: true } } } } },
  },
  vitals: { orderBy: [{ takenAt: "asc" }, { id: "asc" }] },
  sedation: { orderBy: [{ takenAt: "asc" }, { id: "asc" }] },
  dissociation: { orderBy: [{ takenAt: "asc" }, { id: "asc" }] },
  outcomes: { orderBy: [{ takenAt: "asc" }, { id: "asc" }] },
  adverseEvents: { orderBy: [{ onsetAt: "asc" }, { id: "asc" }] },
  decisions: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
  discharge: true,
  signature: true,
  amendments: { orderBy: [{ amendedAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.TreatmentSessionInclude;

type Row = Prisma.TreatmentSessionGetPayload<{ include: typeof INCLUDE }>;
const day = (d: Date) => dateOnly(d); // @db.Date columns: midnight UTC of the stored day

function toDto(s: Row, people: Map<string, FhirSessionDto["people"][number]>): FhirSessionDto {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  add(s.prescriberOnSiteId);
  add(s.monitoringHcpId);
  s.devices.forEach((d) => add(d.recordedById));
  s.vitals.forEach((v) => add(v.recordedById));
  s.sedation.forEach((v) => add(v.recordedById));
  s.dissociation.forEach((v) => add(v.recordedById));
  s.outcomes.forEach((v) => add(v.recordedById));
  s.adverseEvents.forEach((v) => add(v.recordedById));
  s.decisions.forEach((v) => add(v.prescriberId));
  add(s.discharge?.hcpId);
  add(s.signature?.signerId);
  s.amendments.forEach((a) => add(a.authorId));
  return {
    id: s.id,
    status: s.status,
    checkedInAt: s.checkedInAt,
    endOfMonitoringAt: s.endOfMonitoringAt,
    plannedDoseMg: s.plannedDoseMg,
    site: s.site,
    patient: { ...s.patient, birthDate: day(s.patient.birthDate) },
    prescriberId: s.prescriberOnSiteId,
    monitoringHcpId: s.monitoringHcpId,
    people: [...ids].map((id) => people.get(id)).filter((p) => !!p),
    devices: s.devices.map((d) => ({
      id: d.id,
      sequence: d.sequence,
      administeredAt: d.administeredAt,
      recordedById: d.recordedById,
      enteredInError: !!d.enteredInErrorAt,
      ndc: d.device.lot.ndc,
      lotNumber: d.device.lot.lotNumber,
      expiresOn: day(d.device.lot.expiresOn),
      serial: d.device.serial,
    })),
    vitals: s.vitals.map((v) => ({
      id: v.id,
      takenAt: v.takenAt,
      kind: v.kind,
      systolic: v.systolic,
      diastolic: v.diastolic,
      heartRate: v.heartRate,
      spo2: v.spo2,
      respiratoryRate: v.respiratoryRate,
      recordedById: v.recordedById,
      enteredInError: !!v.enteredInErrorAt,
    })),
    sedation: s.sedation.map((x) => ({ id: x.id, takenAt: x.takenAt, moaas: x.moaas, recordedById: x.recordedById, enteredInError: !!x.enteredInErrorAt })),
    dissociation: s.dissociation.map((x) => ({
      id: x.id,
      takenAt: x.takenAt,
      present: x.present,
      scale: x.scale,
      itemScores: x.itemScores,
      total: x.total,
      recordedById: x.recordedById,
      enteredInError: !!x.enteredInErrorAt,
    })),
    outcomes: s.outcomes.map((o) => ({
      id: o.id,
      instrument: o.instrument,
      itemScores: o.itemScores,
      total: o.total,
      takenAt: o.takenAt,
      recordedById: o.recordedById,
      enteredInError: !!o.enteredInErrorAt,
    })),
    adverseEvents: s.adverseEvents.map((e) => ({
      id: e.id,
      type: e.type,
      description: e.description,
      serious: e.serious,
      onsetAt: e.onsetAt,
      resolvedAt: e.resolvedAt,
      outcome: e.outcome,
      remsReference: e.remsReference,
      recordedById: e.recordedById,
      createdAt: e.createdAt,
    })),
    decisions: s.decisions.map((g) => ({
      id: g.id,
      rule: g.rule,
      decision: g.decision,
      reason: g.reason,
      prescriberId: g.prescriberId,
      decidedAt: g.decidedAt,
    })),
    discharge: s.discharge && {
      id: s.discharge.id,
      outcome: s.discharge.outcome,
      decidedAt: s.discharge.decidedAt,
      hcpId: s.discharge.hcpId,
      receivingService: s.discharge.receivingService,
    },
    signature: s.signature && {
      id: s.signature.id,
      signerId: s.signature.signerId,
      printedName: s.signature.printedName,
      meaning: s.signature.meaning,
      signedAt: s.signature.signedAt,
      contentHash: s.signature.contentHash,
    },
    amendments: s.amendments.map((a) => ({
      id: a.id,
      entryKind: a.entryKind,
      entryId: a.entryId,
      correction: a.correction,
      reason: a.reason,
      authorId: a.authorId,
      amendedAt: a.amendedAt,
    })),
  };
}

async function dtosOf(where: Prisma.TreatmentSessionWhereInput, take?: number): Promise<FhirSessionDto[]> {
  const rows = await db().treatmentSession.findMany({ where, include: INCLUDE, orderBy: { id: "asc" }, ...(take ? { take } : {}) });
  const userIds = new Set<string>();
  for (const s of rows) {
    [s.prescriberOnSiteId, s.monitoringHcpId, s.discharge?.hcpId, s.signature?.signerId].forEach((id) => id && userIds.add(id));
    [...s.devices, ...s.vitals, ...s.sedation, ...s.dissociation, ...s.outcomes, ...s.adverseEvents].forEach((x) => userIds.add(x.recordedById));
    s.decisions.forEach((g) => userIds.add(g.prescriberId));
    s.amendments.forEach((a) => userIds.add(a.authorId));
  }
  const users = await db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, firstName: true, lastName: true, role: true } });
  const people = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => toDto(r, people));
}

/** One session's DTO with its site (for the caller's site check), or null. */
export async function fhirSession(sessionId: string): Promise<FhirSessionDto | null> {
  return (await dtosOf({ id: sessionId }))[0] ?? null;
}

export const sessionSiteOf = async (sessionId: string) =>
  (await db().treatmentSession.findUnique({ where: { id: sessionId }, select: { siteId: true, patientId: true } })) ?? null;

/** The sessions of a site checked in within [from, to), as one range for bulk export. */
export const exportWhere = (siteId: string, from: Date, to: Date): Prisma.TreatmentSessionWhereInput => ({ siteId, checkedInAt: { gte: from, lt: to } });

export const countExportSessions = (siteId: string, from: Date, to: Date) => db().treatmentSession.count({ where: exportWhere(siteId, from, to) });

/** The sessions of the range in batches (keyset on id): memory stays one batch, however long the range. */
export async function* exportBatches(siteId: string, from: Date, to: Date, batchSize = 200): AsyncGenerator<FhirSessionDto[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await dtosOf({ ...exportWhere(siteId, from, to), ...(after ? { id: { gt: after } } : {}) }, batchSize);
    if (!batch.length) return;
    yield batch;
    after = batch[batch.length - 1].id;
    if (batch.length < batchSize) return;
  }
}
