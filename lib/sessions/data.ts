import "server-only";
import type { Tx } from "@/lib/db/client";
import { sql, type Json } from "@/lib/db/sql";
import { HttpError } from "@/lib/http/errors";
import { remsParametersAt } from "@/lib/rems/data";
import type {
  ChecklistFacts,
  DeviceGiven,
  DissociationCheck,
  GateDecisionFact,
  PreCompletionAnswer,
  SedationScore,
  SessionFacts,
  SiteFacts,
  Vital,
} from "./facts";
import { clinicalTimeContext, type ClinicalTimeContext } from "./clinical-time-rules";
import { firstDeviceAt } from "./facts";
import { medicationsInForce } from "@/lib/patients/medication-rules";
import { counsellingCompleteAt, type EnrollmentFacts } from "@/lib/patients/enrollment-rules";
import { siteDay } from "@/lib/time/days";

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

/** What the chair board shows of a session besides its status (lib/sessions/view boardFor). */
export type SessionCard = {
  chair: string | null;
  patientName: string;
  mrn: string;
  birthDate: string;
  backEntryReason: string | null;
  checkedInAt: Date | null;
};

export type LoadedSessionFacts = {
  sessionId: string;
  facts: SessionFacts;
  siteId: string;
  patientId: string;
  version: number;
  openSeriousEvents: OpenSeriousEvent[];
  card: SessionCard;
};

export async function loadSessionFacts(tx: Tx, sessionId: string, now: Date): Promise<LoadedSessionFacts | null> {
  return (await loadSessionFactsMany(tx, [sessionId], now)).get(sessionId) ?? null;
}

/**
 * The facts of several sessions in one statement, whatever their number (the review queue; the board uses
 * loadActiveSessionFacts).
 */
export async function loadSessionFactsMany(tx: Tx, sessionIds: string[], now: Date): Promise<Map<string, LoadedSessionFacts>> {
  if (!sessionIds.length) return new Map();
  return new Map((await loaded(tx, { sessionIds, activeAtSites: [] }, now)).map((l) => [l.sessionId, l]));
}

/** The facts of every active session (checked in, dosing, monitoring) at the given sites, in chair order: the board's one statement. */
export function loadActiveSessionFacts(tx: Tx, siteIds: string[], now: Date): Promise<LoadedSessionFacts[]> {
  return loaded(tx, { sessionIds: [], activeAtSites: siteIds }, now);
}

async function loaded(tx: Tx, which: Which, now: Date): Promise<LoadedSessionFacts[]> {
  const out: LoadedSessionFacts[] = [];
  for (const s of await readFacts(tx, which, now)) {
    const devices = s.devices.map((d) => ({ ...d, administeredAt: new Date(d.administeredAt) }));
    const thisT0 = firstDeviceAt(devices);
    const before = (thisT0 ?? now).getTime();
    // The medication list as it stood on the session's date (a stopped medicine stays in the history).
    const sessionDay = s.treatmentDate ?? siteDay(now, s.site.timeZone);
    const medications = medicationsInForce(s.medications, sessionDay).map((m) => ({ name: m.name, drugClass: m.drugClass }));
    const c = s.checklist;
    const facts: SessionFacts = {
      params: await remsParametersAt(thisT0 ?? now, tx),
      site: s.site,
      patient: {
        indication: s.indication ?? s.patient.indication,
        enrollment: s.enrollment && {
          ...s.enrollment,
          patientSignedAt: instant(s.enrollment.patientSignedAt),
          prescriberSignedAt: instant(s.enrollment.prescriberSignedAt),
          submittedAt: instant(s.enrollment.submittedAt),
        },
        counselledAt: counsellingCompleteAt(s.counselling.map((r) => ({ topics: r.topics, counselledAt: new Date(r.counselledAt) }))),
        contraindications: s.flags.filter((f) => f.category === "CONTRAINDICATION").map((f) => f.kind),
        cautions: s.flags.filter((f) => f.category === "CAUTION").map((f) => ({ kind: f.kind, recordedAt: new Date(f.recordedAt) })),
        medicationClasses: [...new Set(medications.map((m) => m.drugClass))],
        medications,
        hepaticImpairment: s.patient.hepaticImpairment,
        priorDosedSessions: s.prior
          .map((x) => ({ treatmentDate: x.treatmentDate ?? "", t0: new Date(x.t0), doseMg: x.doseMg ?? 0, indication: x.indication }))
          .filter((x) => x.t0.getTime() < before),
      },
      status: s.status,
      treatmentDate: s.treatmentDate ?? "",
      plannedDoseMg: s.plannedDoseMg,
      otherDoseReason: s.otherDoseReason,
      prescriberOnSite: s.prescriberOnSite,
      checklist: c && {
        ...c,
        lastFoodAt: instant(c.lastFoodAt),
        lastLiquidAt: instant(c.lastLiquidAt),
        nasalMedicationAt: instant(c.nasalMedicationAt),
        conmedConfirmedAt: instant(c.conmedConfirmedAt),
      },
      devices,
      vitals: s.vitals.map((v) => ({ ...v, takenAt: new Date(v.takenAt) })),
      sedation: s.sedation.map((x) => ({ ...x, takenAt: new Date(x.takenAt) })),
      dissociation: s.dissociation.map((x) => ({ ...x, takenAt: new Date(x.takenAt) })),
      decisions: s.decisions.map((d) => ({ ...d, decidedAt: new Date(d.decidedAt) })),
      openRespiratoryDepression: s.openEvents.some((e) => e.type === "RESPIRATORY_DEPRESSION"),
      preCompletion: s.preCompletion && { vitalsAcceptable: s.preCompletion.vitalsAcceptable, assessedAt: new Date(s.preCompletion.assessedAt) },
    };
    const openSeriousEvents = s.openEvents.filter((e) => e.serious).map((e) => ({ id: e.id, type: e.type, description: e.description }));
    const { name: patientName, mrn, birthDate } = s.patient;
    const card = { ...s.card, patientName, mrn, birthDate, checkedInAt: instant(s.card.checkedInAt) };
    out.push({ sessionId: s.id, facts, siteId: s.siteId, patientId: s.patientId, version: s.version, openSeriousEvents, card });
  }
  return out;
}

const instant = (iso: string | null) => (iso == null ? null : new Date(iso));

/** One row per session: its own columns, and every related record as json (instants as ISO strings, dates as YYYY-MM-DD). */
type FactsRow = {
  id: string;
  siteId: string;
  patientId: string;
  version: number;
  status: string;
  indication: "TRD" | "MDSI" | null;
  treatmentDate: string | null;
  plannedDoseMg: number | null;
  otherDoseReason: string | null;
  prescriberOnSite: boolean;
  site: SiteFacts;
  patient: { indication: "TRD" | "MDSI" | null; hepaticImpairment: "NONE" | "MODERATE" | "SEVERE"; name: string; mrn: string; birthDate: string };
  card: Json<Pick<SessionCard, "chair" | "backEntryReason" | "checkedInAt">>;
  checklist: Json<ChecklistFacts> | null;
  devices: Json<DeviceGiven>[];
  vitals: Json<Vital>[];
  sedation: Json<SedationScore>[];
  dissociation: Json<DissociationCheck>[];
  decisions: Json<GateDecisionFact>[];
  preCompletion: Json<PreCompletionAnswer> | null;
  openEvents: { id: string; type: string; description: string; serious: boolean }[];
  enrollment: Json<EnrollmentFacts> | null;
  counselling: { counselledAt: string; topics: string[] }[];
  flags: { category: string; kind: string; recordedAt: string }[];
  medications: { name: string; drugClass: string; startedOn: string | null; stoppedOn: string | null }[];
  prior: { treatmentDate: string | null; t0: string; doseMg: number | null; indication: "TRD" | "MDSI" | null }[];
};

/** An open session, on the chair board: checked in, dosing or monitoring (any other status is closed). */
export const ACTIVE_STATUSES = ["CHECKED_IN", "DOSING", "MONITORING"] as const;

/** The sessions to read: these ids, and every active session at these sites. */
type Which = { sessionIds: string[]; activeAtSites: string[] };

// Everything the session rules read about a set of sessions, and what the board shows of them, in one statement (the
// chair board reads every active session of its sites at once, every 15 s per tablet; each command reads its session's
// facts before it writes).
const readFacts = (tx: Tx, { sessionIds, activeAtSites }: Which, now: Date) => sql(tx)
  .query<FactsRow>`SELECT s.id, s."siteId", s."patientId", s.version, s.status::text AS status, s.indication::text AS indication,
  s."treatmentDate"::text AS "treatmentDate", s."plannedDoseMg", s."otherDoseReason", s."prescriberOnSiteId" IS NOT NULL AS "prescriberOnSite",
  json_build_object('settingType', st."settingType", 'certificationStatus', st."certificationStatus", 'pulseOximeterAttested', st."pulseOximeterAttested",
    'timeZone', st."timeZone", 'postDoseAlertSystolic', st."postDoseAlertSystolic", 'postDoseAlertDiastolic', st."postDoseAlertDiastolic",
    'urgentSystolic', st."urgentSystolic", 'urgentDiastolic', st."urgentDiastolic", 'spo2AlertThreshold', st."spo2AlertThreshold",
    'preDoseCeilingSystolic', st."preDoseCeilingSystolic", 'preDoseCeilingDiastolic', st."preDoseCeilingDiastolic",
    'observationAnchor', st."observationAnchor", 'recertificationBlocksDosing', st."recertificationBlocksDosing") AS site,
  -- The patient as a subquery: one index probe per session, where a join hashed the whole table.
  (SELECT json_build_object('indication', p.indication, 'hepaticImpairment', p."hepaticImpairment", 'name', p."firstName" || ' ' || p."lastName",
    'mrn', p.mrn, 'birthDate', p."birthDate") FROM "Patient" p WHERE p.id = s."patientId") AS patient,
  json_build_object('chair', ch.label, 'backEntryReason', s."backEntryReason", 'checkedInAt', s."checkedInAt") AS card,
  (SELECT json_build_object('rideType', c."rideType", 'driverName', c."driverName", 'driverPhone', c."driverPhone", 'lastFoodAt', c."lastFoodAt",
    'lastLiquidAt', c."lastLiquidAt", 'nasalMedicationAt', c."nasalMedicationAt", 'conmedConfirmedAt', c."conmedConfirmedAt",
    'conmedBenzodiazepines', c."conmedBenzodiazepines", 'conmedSedativeHypnotics', c."conmedSedativeHypnotics",
    'conmedPsychostimulants', c."conmedPsychostimulants", 'conmedMaois', c."conmedMaois", 'conmedOpioids', c."conmedOpioids",
    'pregnancyStatus', c."pregnancyStatus") FROM "PreDoseChecklist" c WHERE c."sessionId" = s.id) AS checklist,
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'sequence', a.sequence, 'administeredAt', a."administeredAt", 'lotNumber', l."lotNumber",
    'lotExpiresOn', l."expiresOn", 'enteredInError', a."enteredInErrorAt" IS NOT NULL) ORDER BY a.sequence, a.id)
    FROM "DeviceAdministration" a JOIN "Device" d ON d.id = a."deviceId" JOIN "InventoryLot" l ON l.id = d."lotId" WHERE a."sessionId" = s.id), '[]') AS devices,
  coalesce((SELECT json_agg(json_build_object('id', v.id, 'takenAt', v."takenAt", 'kind', v.kind, 'systolic', v.systolic, 'diastolic', v.diastolic,
    'heartRate', v."heartRate", 'spo2', v.spo2, 'enteredInError', v."enteredInErrorAt" IS NOT NULL) ORDER BY v."takenAt", v.id)
    FROM "ObservationVital" v WHERE v."sessionId" = s.id), '[]') AS vitals,
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'takenAt', x."takenAt", 'moaas', x.moaas, 'enteredInError', x."enteredInErrorAt" IS NOT NULL)
    ORDER BY x."takenAt", x.id) FROM "SedationAssessment" x WHERE x."sessionId" = s.id), '[]') AS sedation,
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'takenAt', x."takenAt", 'present', x.present, 'enteredInError', x."enteredInErrorAt" IS NOT NULL)
    ORDER BY x."takenAt", x.id) FROM "DissociationAssessment" x WHERE x."sessionId" = s.id), '[]') AS dissociation,
  coalesce((SELECT json_agg(json_build_object('rule', x.rule, 'decision', x.decision, 'decidedAt', x."decidedAt") ORDER BY x."decidedAt", x.id)
    FROM "ClinicalDecision" x WHERE x."sessionId" = s.id), '[]') AS decisions,
  (SELECT json_build_object('vitalsAcceptable', x."vitalsAcceptable", 'assessedAt', x."assessedAt") FROM "PreCompletionAssessment" x
    WHERE x."sessionId" = s.id ORDER BY x."assessedAt" DESC, x.id DESC LIMIT 1) AS "preCompletion",
  coalesce((SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'description', e.description, 'serious', e.serious) ORDER BY e."onsetAt", e.id)
    FROM "AdverseEvent" e WHERE e."sessionId" = s.id AND e."resolvedAt" IS NULL), '[]') AS "openEvents",
  (SELECT json_build_object('patientSignedAt', e."patientSignedAt", 'prescriberSignedAt', e."prescriberSignedAt", 'submittedAt', e."submittedAt",
    'channel', e.channel, 'remsConfirmation', e."remsConfirmation") FROM "RemsEnrollment" e
    WHERE e."patientId" = s."patientId" AND NOT EXISTS (SELECT 1 FROM "RemsEnrollment" n WHERE n."supersedesId" = e.id) LIMIT 1) AS enrollment,
  coalesce((SELECT json_agg(json_build_object('counselledAt', x."counselledAt", 'topics', x.topics)) FROM "CounsellingRecord" x
    WHERE x."patientId" = s."patientId"), '[]') AS counselling,
  coalesce((SELECT json_agg(json_build_object('category', x.category, 'kind', x.kind, 'recordedAt', x."recordedAt") ORDER BY x."recordedAt", x.id)
    FROM "ClinicalFlag" x WHERE x."patientId" = s."patientId" AND x."removedAt" IS NULL), '[]') AS flags,
  coalesce((SELECT json_agg(json_build_object('name', x.name, 'drugClass', x."drugClass", 'startedOn', x."startedOn", 'stoppedOn', x."stoppedOn") ORDER BY x."createdAt", x.id)
    FROM "ConcomitantMedication" x WHERE x."patientId" = s."patientId"), '[]') AS medications,
  -- The patient's other dosed sessions the rules read (PatientFacts.priorDosedSessions), each with its first live device:
  -- the first, the first MDSI one, the last before the 7 days up to this session's date, and those days' (index probes
  -- on (patientId, treatmentDate), so the read does not grow with the length of a course).
  coalesce((SELECT json_agg(json_build_object('treatmentDate', o."treatmentDate", 't0', d.t0, 'doseMg', o."plannedDoseMg", 'indication', o.indication) ORDER BY d.t0)
    FROM "TreatmentSession" o
    CROSS JOIN LATERAL (SELECT min(a."administeredAt") AS t0 FROM "DeviceAdministration" a WHERE a."sessionId" = o.id AND a."enteredInErrorAt" IS NULL) d
    WHERE d.t0 IS NOT NULL AND o.id IN (
      (SELECT f.id FROM "TreatmentSession" f WHERE f."patientId" = s."patientId" AND f.id <> s.id AND f.dosed ORDER BY f."treatmentDate", f.id LIMIT 1)
      UNION ALL (SELECT f.id FROM "TreatmentSession" f WHERE f."patientId" = s."patientId" AND f.id <> s.id AND f.dosed AND f.indication = 'MDSI'
        ORDER BY f."treatmentDate", f.id LIMIT 1)
      UNION ALL (SELECT f.id FROM "TreatmentSession" f WHERE f."patientId" = s."patientId" AND f.id <> s.id AND f.dosed AND f."treatmentDate" < k.day - 6
        ORDER BY f."treatmentDate" DESC, f.id DESC LIMIT 1)
      UNION ALL SELECT f.id FROM "TreatmentSession" f WHERE f."patientId" = s."patientId" AND f.id <> s.id AND f.dosed
        AND (f."treatmentDate" BETWEEN k.day - 6 AND k.day + 1 OR f."treatmentDate" IS NULL))), '[]') AS prior
  FROM "TreatmentSession" s JOIN "Site" st ON st.id = s."siteId" LEFT JOIN "Chair" ch ON ch.id = s."chairId"
  CROSS JOIN LATERAL (SELECT coalesce(s."treatmentDate", (${now}::timestamptz AT TIME ZONE st."timeZone")::date) AS day) k
  WHERE s.id = ANY(${sessionIds}::text[])
    OR (s."siteId" = ANY(${activeAtSites}::text[]) AND s.status = ANY(${ACTIVE_STATUSES}::"SessionStatus"[]))
  ORDER BY ch.label, s."createdAt", s.id`;

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
