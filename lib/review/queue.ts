import "server-only";
import { db } from "@/lib/db/client";
import { deviationText } from "@/lib/pmf/fields";
import { boardFor } from "@/lib/sessions/view";
import { peakPostDose, signOffFlags } from "./sign-off-card";

const CLOSED = ["DISCHARGED", "EMERGENCY_TRANSFER"] as const;
const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/**
 * What waits for a psychiatrist at their sites: open GATEs (longest waiting first), closed sessions
 * not yet signed, adverse events and protocol deviations of unsigned sessions, and PHQ-9 item 9
 * answers above 0 with no C-SSRS screener since.
 */
export async function reviewQueue(siteIds: string[], now: Date) {
  const cards = await boardFor(siteIds, now);
  const waiting = (c: (typeof cards)[number]) => (c.checkedInAt ? now.getTime() - c.checkedInAt.getTime() : 0);
  const gated = cards.filter((c) => c.gates.length).sort((a, b) => waiting(b) - waiting(a));
  const alerted = cards.filter((c) => !c.gates.length && c.alerts.length);
  const unsigned = { siteId: { in: siteIds }, status: { in: [...CLOSED] }, signature: null, devices: { some: { enteredInErrorAt: null } } };
  const [awaitingSignOff, adverseEvents, deviations, item9] = await Promise.all([
    db().treatmentSession.findMany({
      where: unsigned,
      orderBy: { endOfMonitoringAt: "asc" },
      select: {
        id: true,
        status: true,
        treatmentDate: true,
        endOfMonitoringAt: true,
        backEntryReason: true,
        plannedDoseMg: true,
        patient: { select: { firstName: true, lastName: true, mrn: true } },
        site: { select: { name: true, timeZone: true } },
        vitals: { where: { enteredInErrorAt: null, systolic: { not: null } }, select: { systolic: true, diastolic: true, takenAt: true } },
        devices: { where: { enteredInErrorAt: null }, select: { administeredAt: true }, orderBy: { administeredAt: "asc" }, take: 1 },
        deviations: { select: { code: true } },
        _count: { select: { adverseEvents: true, alerts: true, acknowledgements: true } },
      },
    }),
    db().adverseEvent.findMany({
      where: { siteId: { in: siteIds }, OR: [{ resolvedAt: null }, { session: unsigned }] },
      orderBy: { onsetAt: "asc" },
      select: {
        id: true,
        sessionId: true,
        type: true,
        serious: true,
        description: true,
        onsetAt: true,
        resolvedAt: true,
        patient: { select: { firstName: true, lastName: true } },
        site: { select: { timeZone: true } },
      },
    }),
    db().protocolDeviation.findMany({
      where: { session: unsigned },
      orderBy: { detectedAt: "asc" },
      select: {
        id: true,
        sessionId: true,
        code: true,
        description: true,
        reason: true,
        detectedAt: true,
        recordedBy: { select: { firstName: true, lastName: true } },
        session: { select: { patient: { select: { firstName: true, lastName: true } }, site: { select: { timeZone: true } } } },
      },
    }),
    db().$queryRaw<{ id: string; patientId: string; takenAt: Date; firstName: string; lastName: string; timeZone: string; sessionId: string | null }[]>`
      SELECT o.id, o."patientId", o."takenAt", p."firstName", p."lastName", s."timeZone", o."sessionId"
      FROM "OutcomeMeasure" o JOIN "Patient" p ON p.id = o."patientId" JOIN "Site" s ON s.id = p."siteId"
      WHERE p."siteId" = ANY(${siteIds}) AND o.instrument = 'PHQ9' AND o."enteredInErrorAt" IS NULL AND o."itemScores"[9] > 0
        AND NOT EXISTS (SELECT 1 FROM "OutcomeMeasure" c WHERE c."patientId" = o."patientId" AND c.instrument = 'CSSRS' AND c."enteredInErrorAt" IS NULL AND c."takenAt" >= o."takenAt")
      ORDER BY o."takenAt"`,
  ]);
  return {
    gated: gated.map((c) => ({ ...c, waitingMinutes: Math.floor(waiting(c) / 60_000) })),
    alerted,
    awaitingSignOff: awaitingSignOff.map((s) => ({
      id: s.id,
      patient: name(s.patient),
      mrn: s.patient.mrn,
      backEntryReason: s.backEntryReason,
      status: s.status,
      endedAt: s.endOfMonitoringAt,
      timeZone: s.site.timeZone,
      site: s.site.name,
      doseMg: s.plannedDoseMg,
      peak: peakPostDose(s.vitals, s.devices[0]?.administeredAt ?? null),
      // A late entry is recorded as a deviation row (R49); the card counts the two apart.
      flags: signOffFlags({
        alerts: s._count.alerts,
        adverseEvents: s._count.adverseEvents,
        acknowledgements: s._count.acknowledgements,
        deviations: s.deviations.filter((d) => d.code !== "R49_LATE_ENTRY").length,
        lateEntries: s.deviations.filter((d) => d.code === "R49_LATE_ENTRY").length,
      }),
    })),
    adverseEvents: adverseEvents.map((a) => ({ ...a, patient: name(a.patient), timeZone: a.site.timeZone })),
    deviations: deviations.map((d) => ({
      id: d.id,
      sessionId: d.sessionId,
      description: deviationText(d) + (d.recordedBy ? ` (${name(d.recordedBy)})` : ""),
      detectedAt: d.detectedAt,
      patient: name(d.session.patient),
      timeZone: d.session.site.timeZone,
    })),
    // One item per patient: the oldest answer still waiting for a screener.
    suicideRisk: item9
      .filter((r, i) => item9.findIndex((x) => x.patientId === r.patientId) === i)
      .map((r) => ({ ...r, patient: `${r.firstName} ${r.lastName}` })),
  };
}
