import "server-only";
import type { Tx } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { HttpError } from "@/lib/http/errors";
import { remsParametersAt } from "@/lib/rems/data";
import type { SessionFacts, SiteFacts, Vital } from "./facts";
import { clinicalTimeContext, type ClinicalTimeContext } from "./clinical-time-rules";
import { firstDeviceAt } from "./facts";
import { medicationsInForce } from "@/lib/patients/medication-rules";
import { counsellingCompleteAt } from "@/lib/patients/enrollment-rules";
import { dateOnly, siteDay } from "@/lib/time/days";

const isoDate = dateOnly;

const signedSession = () => new HttpError(409, "SESSION_SIGNED", "This session is signed and locked: record a correction as an amendment.");

/**
 * Locks the session row for the rest of the transaction, so two writers judge rules one after the other.
 * A signed session is locked for good: every later correction is an amendment (lib/signoff). Only an adverse
 * event learnt of later (a phone call the next day) may still be added and resolved (`afterSigning`): it is a
 * new record, outside the signed content.
 */
export async function lockSession(tx: Tx, sessionId: string, opts: { afterSigning?: boolean } = {}): Promise<{ signedAt: Date | null }> {
  const rows = await tx.$queryRaw<{ signedAt: Date | null }[]>`
    SELECT (SELECT g."signedAt" FROM "SessionSignature" g WHERE g."sessionId" = t.id) AS "signedAt"
    FROM "TreatmentSession" t WHERE t.id = ${sessionId} FOR UPDATE OF t`;
  const signedAt = rows[0]?.signedAt ?? null;
  if (signedAt && !opts.afterSigning) throw signedSession();
  return { signedAt };
}

/** Everything the session rules read, as a plain snapshot. */
export type OpenSeriousEvent = { id: string; type: string; description: string };

export type LoadedSessionFacts = { facts: SessionFacts; siteId: string; patientId: string; version: number; openSeriousEvents: OpenSeriousEvent[] };

export async function loadSessionFacts(tx: Tx, sessionId: string, now: Date): Promise<LoadedSessionFacts | null> {
  return (await loadSessionFactsMany(tx, [sessionId], now)).get(sessionId) ?? null;
}

/**
 * The facts of several sessions in a fixed number of queries, whatever their number (the chair board reads
 * every active session of its sites at once, every 15 s per tablet).
 */
export async function loadSessionFactsMany(tx: Tx, sessionIds: string[], now: Date): Promise<Map<string, LoadedSessionFacts>> {
  const out = new Map<string, LoadedSessionFacts>();
  if (!sessionIds.length) return out;
  const rows = await tx.treatmentSession.findMany({
    where: { id: { in: sessionIds } },
    include: {
      site: true,
      checklist: true,
      devices: { include: { device: { include: { lot: true } } } },
      vitals: true,
      sedation: true,
      dissociation: true,
      decisions: true,
      preCompletion: { orderBy: { assessedAt: "desc" }, take: 1, select: { vitalsAcceptable: true, assessedAt: true } },
      adverseEvents: { where: { resolvedAt: null } },
      patient: {
        include: {
          enrollments: { where: { supersededBy: { is: null } }, take: 1 },
          counselling: { select: { counselledAt: true, topics: true } },
          flags: { where: { removedAt: null } },
          medications: { select: { name: true, drugClass: true, startedOn: true, stoppedOn: true } },
        },
      },
    },
  });
  if (!rows.length) return out;
  // Every dosed session of these patients with its first live device (one statement: the nested Prisma read
  // fetched every device of the patients' whole history as objects).
  const priorRows = await tx.$queryRaw<
    { id: string; patientId: string; treatmentDate: Date | null; plannedDoseMg: number | null; indication: "TRD" | "MDSI" | null; t0: Date }[]
  >`SELECT s.id, s."patientId", s."treatmentDate", s."plannedDoseMg", s.indication::text AS indication, d.t0
    FROM "TreatmentSession" s
    CROSS JOIN LATERAL (SELECT min(a."administeredAt") AS t0 FROM "DeviceAdministration" a WHERE a."sessionId" = s.id AND a."enteredInErrorAt" IS NULL) d
    WHERE s."patientId" = ANY(${[...new Set(rows.map((r) => r.patientId))]}::text[]) AND d.t0 IS NOT NULL`;
  for (const s of rows) {
    const prior = priorRows.filter((x) => x.patientId === s.patientId && x.id !== s.id);
    const p = s.patient;
    // The medication list as it stood on the session's date (a stopped medicine stays in the history).
    const sessionDay = s.treatmentDate ? isoDate(s.treatmentDate) : siteDay(now, s.site.timeZone);
    const medications = medicationsInForce(
      p.medications.map((m) => ({
        name: m.name,
        drugClass: m.drugClass,
        startedOn: m.startedOn && isoDate(m.startedOn),
        stoppedOn: m.stoppedOn && isoDate(m.stoppedOn),
      })),
      sessionDay,
    ).map((m) => ({ name: m.name, drugClass: m.drugClass }));
    const enrollment = p.enrollments[0] ?? null;
    const thisT0 = firstDeviceAt(
      s.devices.map((d) => ({
        id: d.id,
        sequence: d.sequence,
        administeredAt: d.administeredAt,
        lotNumber: "",
        lotExpiresOn: "",
        enteredInError: !!d.enteredInErrorAt,
      })),
    );
    const facts: SessionFacts = {
      params: await remsParametersAt(thisT0 ?? now, tx),
      site: {
        settingType: s.site.settingType,
        certificationStatus: s.site.certificationStatus,
        pulseOximeterAttested: s.site.pulseOximeterAttested,
        timeZone: s.site.timeZone,
        postDoseAlertSystolic: s.site.postDoseAlertSystolic,
        postDoseAlertDiastolic: s.site.postDoseAlertDiastolic,
        urgentSystolic: s.site.urgentSystolic,
        urgentDiastolic: s.site.urgentDiastolic,
        spo2AlertThreshold: s.site.spo2AlertThreshold,
        preDoseCeilingSystolic: s.site.preDoseCeilingSystolic,
        preDoseCeilingDiastolic: s.site.preDoseCeilingDiastolic,
        observationAnchor: s.site.observationAnchor,
        recertificationBlocksDosing: s.site.recertificationBlocksDosing,
      },
      patient: {
        indication: s.indication ?? p.indication,
        enrollment: enrollment && {
          patientSignedAt: enrollment.patientSignedAt,
          prescriberSignedAt: enrollment.prescriberSignedAt,
          submittedAt: enrollment.submittedAt,
          channel: enrollment.channel,
          remsConfirmation: enrollment.remsConfirmation,
        },
        counselledAt: counsellingCompleteAt(p.counselling),
        contraindications: p.flags.filter((f) => f.category === "CONTRAINDICATION").map((f) => f.kind),
        cautions: p.flags.filter((f) => f.category === "CAUTION").map((f) => ({ kind: f.kind, recordedAt: f.recordedAt })),
        medicationClasses: [...new Set(medications.map((m) => m.drugClass))],
        medications,
        hepaticImpairment: p.hepaticImpairment,
        priorDosedSessions: prior
          .map((x) => ({
            treatmentDate: x.treatmentDate ? isoDate(x.treatmentDate) : "",
            t0: x.t0,
            doseMg: x.plannedDoseMg ?? 0,
            indication: x.indication,
          }))
          .filter((x) => x.t0.getTime() < (thisT0 ?? now).getTime())
          .sort((a, b) => a.t0.getTime() - b.t0.getTime()),
      },
      status: s.status,
      treatmentDate: s.treatmentDate ? isoDate(s.treatmentDate) : "",
      plannedDoseMg: s.plannedDoseMg,
      otherDoseReason: s.otherDoseReason,
      prescriberOnSite: !!s.prescriberOnSiteId,
      checklist: s.checklist && {
        rideType: s.checklist.rideType,
        driverName: s.checklist.driverName,
        driverPhone: s.checklist.driverPhone,
        lastFoodAt: s.checklist.lastFoodAt,
        lastLiquidAt: s.checklist.lastLiquidAt,
        nasalMedicationAt: s.checklist.nasalMedicationAt,
        conmedConfirmedAt: s.checklist.conmedConfirmedAt,
        conmedBenzodiazepines: s.checklist.conmedBenzodiazepines,
        conmedSedativeHypnotics: s.checklist.conmedSedativeHypnotics,
        conmedPsychostimulants: s.checklist.conmedPsychostimulants,
        conmedMaois: s.checklist.conmedMaois,
        conmedOpioids: s.checklist.conmedOpioids,
        pregnancyStatus: s.checklist.pregnancyStatus,
      },
      devices: s.devices.map((d) => ({
        id: d.id,
        sequence: d.sequence,
        administeredAt: d.administeredAt,
        lotNumber: d.device.lot.lotNumber,
        lotExpiresOn: isoDate(d.device.lot.expiresOn),
        enteredInError: !!d.enteredInErrorAt,
      })),
      vitals: s.vitals.map((v) => ({
        id: v.id,
        takenAt: v.takenAt,
        kind: v.kind,
        systolic: v.systolic,
        diastolic: v.diastolic,
        heartRate: v.heartRate,
        spo2: v.spo2,
        enteredInError: !!v.enteredInErrorAt,
      })),
      sedation: s.sedation.map((x) => ({ id: x.id, takenAt: x.takenAt, moaas: x.moaas, enteredInError: !!x.enteredInErrorAt })),
      dissociation: s.dissociation.map((x) => ({ id: x.id, takenAt: x.takenAt, present: x.present, enteredInError: !!x.enteredInErrorAt })),
      decisions: s.decisions.map((d) => ({ rule: d.rule, decision: d.decision, decidedAt: d.decidedAt })),
      openRespiratoryDepression: s.adverseEvents.some((e) => e.type === "RESPIRATORY_DEPRESSION"),
      preCompletion: s.preCompletion[0] ?? null,
    };
    const openSeriousEvents = s.adverseEvents.filter((e) => e.serious).map((e) => ({ id: e.id, type: e.type, description: e.description }));
    out.set(s.id, { facts, siteId: s.siteId, patientId: s.patientId, version: s.version, openSeriousEvents });
  }
  return out;
}

/** The part of the facts an observation entry needs (alerts R26–R28): far fewer queries than the whole session. */
export type ObservationFacts = Pick<SessionFacts, "params" | "site" | "status" | "devices" | "vitals" | "openRespiratoryDepression">;

/** A session locked for a chair-side entry: who it belongs to, its status and what bounds a clinical time in it (R49). */
export type LockedEntry = {
  siteId: string;
  patientId: string;
  status: string;
  time: ClinicalTimeContext;
};

type LockedRow = {
  siteId: string;
  patientId: string;
  status: string;
  checkedInAt: Date | null;
  backEntered: boolean;
  signedAt: Date | null;
  lateEntryMinutes: number;
  site: SiteFacts | string;
  devices: { id: string; sequence: number; administeredAt: string; enteredInErrorAt: string | null }[] | string;
  vitals: (Omit<Vital, "takenAt" | "enteredInError"> & { takenAt: string; enteredInErrorAt: string | null })[] | string;
  openRespiratoryDepression: boolean;
};

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/**
 * lockSession and the reads of a chair-side entry in one round trip (vitals are the busiest write):
 * the row lock, the signature, the R49 bounds and, with `facts`, what the alert rules read.
 * Null when the session does not exist; throws like lockSession when it is signed.
 */
async function lockForEntryRow(tx: Tx, sessionId: string, facts: boolean): Promise<LockedRow | null> {
  const rows = await sql(tx).query<LockedRow>`
    SELECT t."siteId", t."patientId", t.status::text AS status, t."checkedInAt", t."backEntryReason" IS NOT NULL AS "backEntered",
      (SELECT g."signedAt" FROM "SessionSignature" g WHERE g."sessionId" = t.id) AS "signedAt", st."lateEntryMinutes",
      CASE WHEN ${facts} THEN json_build_object(
        'settingType', st."settingType", 'certificationStatus', st."certificationStatus", 'pulseOximeterAttested', st."pulseOximeterAttested",
        'timeZone', st."timeZone", 'postDoseAlertSystolic', st."postDoseAlertSystolic", 'postDoseAlertDiastolic', st."postDoseAlertDiastolic",
        'urgentSystolic', st."urgentSystolic", 'urgentDiastolic', st."urgentDiastolic", 'spo2AlertThreshold', st."spo2AlertThreshold",
        'preDoseCeilingSystolic', st."preDoseCeilingSystolic", 'preDoseCeilingDiastolic', st."preDoseCeilingDiastolic",
        'observationAnchor', st."observationAnchor", 'recertificationBlocksDosing', st."recertificationBlocksDosing") END AS site,
      CASE WHEN ${facts} THEN COALESCE((SELECT json_agg(json_build_object('id', d.id, 'sequence', d.sequence,
          'administeredAt', d."administeredAt", 'enteredInErrorAt', d."enteredInErrorAt") ORDER BY d.sequence)
        FROM "DeviceAdministration" d WHERE d."sessionId" = t.id), '[]') END AS devices,
      CASE WHEN ${facts} THEN COALESCE((SELECT json_agg(json_build_object('id', v.id, 'takenAt', v."takenAt", 'kind', v.kind,
          'systolic', v.systolic, 'diastolic', v.diastolic, 'heartRate', v."heartRate", 'spo2', v.spo2, 'enteredInErrorAt', v."enteredInErrorAt")
          ORDER BY v."takenAt", v.id)
        FROM "ObservationVital" v WHERE v."sessionId" = t.id), '[]') END AS vitals,
      ${facts} AND EXISTS (SELECT 1 FROM "AdverseEvent" a WHERE a."sessionId" = t.id AND a.type = 'RESPIRATORY_DEPRESSION' AND a."resolvedAt" IS NULL)
        AS "openRespiratoryDepression"
    FROM "TreatmentSession" t JOIN "Site" st ON st.id = t."siteId"
    WHERE t.id = ${sessionId} FOR UPDATE OF t`;
  const row = rows[0];
  if (row?.signedAt) throw signedSession();
  return row ?? null;
}

const entryOf = (r: LockedRow, now: Date): LockedEntry => ({
  siteId: r.siteId,
  patientId: r.patientId,
  status: r.status,
  time: clinicalTimeContext(r, now),
});

/** Locks a session for an entry that needs no facts (MOAA/S, dissociation, a crisis): one round trip. */
export async function lockForEntry(tx: Tx, sessionId: string, now: Date): Promise<LockedEntry | null> {
  const r = await lockForEntryRow(tx, sessionId, false);
  return r && entryOf(r, now);
}

/** Locks a session for an observation entry and reads what its alert rules need: one round trip. */
export async function lockForObservation(tx: Tx, sessionId: string, now: Date): Promise<(LockedEntry & { facts: ObservationFacts }) | null> {
  const r = await lockForEntryRow(tx, sessionId, true);
  if (!r) return null;
  const devices = json(r.devices).map((d) => ({
    id: d.id,
    sequence: d.sequence,
    administeredAt: new Date(d.administeredAt),
    lotNumber: "",
    lotExpiresOn: "",
    enteredInError: !!d.enteredInErrorAt,
  }));
  return {
    ...entryOf(r, now),
    facts: {
      params: await remsParametersAt(firstDeviceAt(devices) ?? now, tx),
      site: json(r.site),
      status: r.status as ObservationFacts["status"],
      devices,
      vitals: json(r.vitals).map(({ enteredInErrorAt, ...v }) => ({ ...v, takenAt: new Date(v.takenAt), enteredInError: !!enteredInErrorAt })),
      openRespiratoryDepression: r.openRespiratoryDepression,
    },
  };
}
