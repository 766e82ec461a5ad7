import "server-only";
// Read models of the chair-side screens. Everything clinical is computed by the rule functions from
// server time; the screens only format it.
import { db } from "@/lib/db/client";
import type { Finding } from "@/lib/rems/rule-result";
import { ACTIVE_STATUSES, loadActiveSessionFacts, loadSessionFacts, type OpenSeriousEvent } from "./data";
import { deviceReadiness, devicesForDose, earliestUsableExpiry } from "./device-rules";
import { dateOnly } from "@/lib/time/days";
import { formatDay, formatTime } from "@/lib/time/format";
import { dischargeReadiness } from "./discharge-rules";
import { byTime, firstDeviceAt, live, type SessionFacts } from "./facts";
import { bpAlert, fortyMinuteReading, sedationAlert, spo2Alert } from "./observation-rules";
import { CONMED_CLASSES, conmedAnswersFromClasses, type ConmedKey } from "@/lib/patients/medication-rules";

type Msg = { code: string; message: string };
/** The sections of the session page, in the order a session runs. */
export type SessionSection = "checklist" | "pre-dose" | "gates" | "dose" | "observation" | "discharge";
const msg = (f: Finding | { code: string; message: string }): Msg => ({ code: f.code, message: f.message });

/** GATEs and alerts that are open now, and the next step, from the session's facts (and its open serious events). */
export function sessionStatus(f: SessionFacts, now: Date, openSeriousEvents: OpenSeriousEvent[] = []) {
  const tz = f.site.timeZone;
  const t0 = firstDeviceAt(f.devices);
  const given = live(f.devices).length;
  const needed = f.plannedDoseMg ? devicesForDose(f.plannedDoseMg) : null;
  // Pre-dose GATEs are judged as if the first device were given now; later, the discharge ones.
  const gateSource = t0 ? dischargeReadiness(f, now) : deviceReadiness(f, { administeredAt: now, lotNumber: "", lotExpiresOn: "9999-12-31" }, now);
  const gates = gateSource.unmet.filter((u) => u.strength === "GATE").map(msg);
  // Before the first device: SOFT warnings the nurse must read and acknowledge when she records it.
  const warnings = t0 ? [] : gateSource.warnings.map(msg);
  const alerts: (Msg & { severity: "alert" | "urgent" })[] = [];
  if (t0) {
    const post = byTime(live(f.vitals)).filter((v) => v.takenAt >= t0);
    const lastBp = post.filter((v) => v.systolic != null).at(-1);
    const bp = lastBp && bpAlert(lastBp, f.site);
    if (bp) alerts.push({ ...msg(bp), severity: bp.severity });
    const lastSat = post.filter((v) => v.spo2 != null).at(-1);
    const sat = lastSat && spo2Alert(f.vitals, lastSat, f.site);
    if (sat) alerts.push({ ...msg(sat), severity: sat.severity });
    const lastMoaas = byTime(live(f.sedation))
      .filter((s) => s.takenAt >= t0)
      .at(-1);
    const sed = lastMoaas && sedationAlert(lastMoaas);
    if (sed) alerts.push({ ...msg(sed), severity: sed.severity });
  }
  if (f.openRespiratoryDepression) alerts.push({ code: "R27_OPEN_EVENT", message: "Respiratory-depression event open", severity: "urgent" });
  for (const e of openSeriousEvents.filter((x) => x.type === "HYPERTENSION"))
    alerts.push({ code: `R26_CRISIS_${e.id}`, message: `${e.description} Refer now: record the emergency transfer.`, severity: "urgent" });
  const forty = t0 ? fortyMinuteReading(f.vitals, t0, f.params, now) : null;
  const discharge = t0 ? dischargeReadiness(f, now) : null;
  const lastDevice = live(f.devices)
    .sort((a, b) => a.administeredAt.getTime() - b.administeredAt.getTime())
    .at(-1);
  // The next step, and the section of the session page where it is done (the cockpit's button jumps there).
  const [nextStep, nextSection]: [string, SessionSection] = !f.checklist?.conmedConfirmedAt
    ? ["Complete the pre-dose checklist", "checklist"]
    : !live(f.vitals).some((v) => v.kind === "PRE_DOSE" && v.systolic != null)
      ? ["Take the pre-dose vital signs", "pre-dose"]
      : gates.length && !t0
        ? ["Waiting for a prescriber's decision", "gates"]
        : !f.plannedDoseMg
          ? ["Choose the dose", "dose"]
          : needed != null && given < needed
            ? [
                given === 0
                  ? "Record device 1"
                  : `Record device ${given + 1} (from ${formatTime(new Date(lastDevice!.administeredAt.getTime() + f.params.deviceSpacingMinutes * 60_000), tz)})`,
                "dose",
              ]
            : forty && forty.state !== "recorded"
              ? [forty.state === "waiting" ? `Take the 40-minute BP at ${formatTime(forty.dueAt, tz)}` : "Take the 40-minute BP now", "observation"]
              : discharge && !discharge.ok
                ? discharge.unmet.some((u) => u.code === "R30_MIN_OBSERVATION")
                  ? ["Observe", "observation"]
                  : ["Assess for discharge", "discharge"]
                : ["Ready for the discharge assessment", "discharge"];
  return {
    t0,
    devicesGiven: given,
    devicesNeeded: needed,
    gates,
    warnings,
    alerts,
    nextStep,
    nextSection,
    forty: forty && {
      state: forty.state,
      dueAt: forty.dueAt,
      windowEnd: forty.windowEnd,
      reading:
        forty.state === "recorded"
          ? { bp: `${forty.reading.systolic}/${forty.reading.diastolic}`, minutes: Math.floor(forty.minutesAfterT0), deviation: forty.deviation }
          : null,
    },
    dischargeAvailableAt: discharge?.availableAt ?? null,
    dischargeUnmet: discharge ? discharge.unmet.map(msg) : [],
  };
}

export type BoardCard = ReturnType<typeof sessionStatus> & {
  sessionId: string;
  backEntryReason: string | null;
  chair: string;
  patientName: string;
  mrn: string;
  birthDate: string;
  status: string;
  timeZone: string;
  checkedInAt: Date | null;
};

/** One card per active session at the given sites, in chair order: one statement, whatever the number of chairs. */
export async function boardFor(siteIds: string[], now: Date): Promise<BoardCard[]> {
  return (await loadActiveSessionFacts(db(), siteIds, now)).map(({ sessionId, facts, card, openSeriousEvents }) => ({
    sessionId,
    ...card,
    chair: card.chair ?? "No chair",
    status: facts.status,
    timeZone: facts.site.timeZone,
    ...sessionStatus(facts, now, openSeriousEvents),
  }));
}

/** Everything the session page needs, as plain data (dates as ISO strings once serialised). */
export async function sessionView(sessionId: string, now: Date) {
  const loaded = await loadSessionFacts(db(), sessionId, now);
  if (!loaded) return null;
  const s = await db().treatmentSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: {
      patient: { include: { flags: { where: { removedAt: null } } } },
      site: {
        select: {
          id: true,
          name: true,
          timeZone: true,
          settingType: true,
          postDoseAlertSystolic: true,
          postDoseAlertDiastolic: true,
          spo2AlertThreshold: true,
          lateEntryMinutes: true,
        },
      },
      chair: { select: { label: true } },
      prescriberOnSite: { select: { firstName: true, lastName: true } },
      checklist: true,
      vitals: { orderBy: { takenAt: "asc" } },
      devices: { orderBy: { sequence: "asc" }, include: { device: { include: { lot: true } } } },
      sedation: { orderBy: { takenAt: "asc" } },
      dissociation: { orderBy: { takenAt: "asc" } },
      adverseEvents: { orderBy: { onsetAt: "asc" } },
      decisions: { orderBy: { decidedAt: "asc" }, include: { prescriber: { select: { firstName: true, lastName: true } } } },
      discharge: true,
      deviations: {
        orderBy: { detectedAt: "asc" },
        select: { id: true, code: true, description: true, reason: true, detectedAt: true, recordedBy: { select: { firstName: true, lastName: true } } },
      },
      alerts: { orderBy: { raisedAt: "asc" }, select: { id: true, code: true, severity: true, message: true, raisedAt: true } },
      acknowledgements: {
        orderBy: { acknowledgedAt: "asc" },
        select: { id: true, code: true, message: true, step: true, acknowledgedAt: true, acknowledgedBy: { select: { firstName: true, lastName: true } } },
      },
      preCompletion: {
        orderBy: { assessedAt: "desc" },
        take: 1,
        select: { vitalsAcceptable: true, assessedAt: true, assessedBy: { select: { firstName: true, lastName: true } } },
      },
    },
  });
  // Pre-fill today's medication answers from the previous session; the nurse must still confirm them.
  const previousChecklist = s.checklist
    ? null
    : await db().preDoseChecklist.findFirst({
        where: { session: { patientId: s.patientId, id: { not: s.id } }, conmedConfirmedAt: { not: null } },
        orderBy: { createdAt: "desc" },
      });
  const conmedPrefill = s.checklist ? null : await conmedPrefillOf(s.patientId, loaded.facts, previousChecklist);
  const today = earliestUsableExpiry(now, s.site.timeZone);
  const devicesOnHand = await db().device.findMany({
    where: { status: "ON_HAND", lot: { siteId: s.siteId, expiresOn: { gte: today } } },
    orderBy: [{ lot: { expiresOn: "asc" } }, { serial: "asc" }],
    take: 12,
    select: { id: true, serial: true, lot: { select: { lotNumber: true, expiresOn: true } } },
  });
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    checkedInAt: s.checkedInAt,
    backEntryReason: s.backEntryReason,
    plannedDoseMg: s.plannedDoseMg,
    otherDoseReason: s.otherDoseReason,
    cancelledReason: s.cancelledReason,
    patient: {
      id: s.patientId,
      name: `${s.patient.firstName} ${s.patient.lastName}`,
      mrn: s.patient.mrn,
      birthDate: dateOnly(s.patient.birthDate),
      hepaticImpairment: s.patient.hepaticImpairment,
      flags: s.patient.flags.map((f) => ({ category: f.category, kind: f.kind, note: f.note })),
    },
    site: s.site,
    chair: s.chair?.label ?? null,
    prescriberOnSite: s.prescriberOnSite ? `${s.prescriberOnSite.firstName} ${s.prescriberOnSite.lastName}` : null,
    checklist: s.checklist,
    previousChecklist,
    conmedPrefill,
    vitals: s.vitals,
    sedation: s.sedation,
    dissociation: s.dissociation,
    adverseEvents: s.adverseEvents,
    devices: s.devices.map((d) => ({
      id: d.id,
      sequence: d.sequence,
      administeredAt: d.administeredAt,
      serial: d.device.serial,
      lotNumber: d.device.lot.lotNumber,
      enteredInErrorAt: d.enteredInErrorAt,
      enteredInErrorReason: d.enteredInErrorReason,
      recordedAt: d.recordedAt,
      lateEntryReason: d.lateEntryReason,
    })),
    decisions: s.decisions.map((d) => ({
      id: d.id,
      rule: d.rule,
      decision: d.decision,
      reason: d.reason,
      decidedAt: d.decidedAt,
      by: `${d.prescriber.firstName} ${d.prescriber.lastName}`,
    })),
    devicesOnHand: devicesOnHand.map((d) => ({ id: d.id, label: `${d.serial} · lot ${d.lot.lotNumber} · expires ${formatDay(dateOnly(d.lot.expiresOn))}` })),
    discharge: s.discharge,
    deviations: s.deviations.map((d) => ({
      id: d.id,
      code: d.code,
      description: d.description,
      reason: d.reason,
      detectedAt: d.detectedAt,
      by: d.recordedBy ? `${d.recordedBy.firstName} ${d.recordedBy.lastName}` : null,
    })),
    alertsRaised: s.alerts,
    acknowledgements: s.acknowledgements.map((a) => ({
      id: a.id,
      code: a.code,
      message: a.message,
      step: a.step,
      at: a.acknowledgedAt,
      by: `${a.acknowledgedBy.firstName} ${a.acknowledgedBy.lastName}`,
    })),
    preCompletion: s.preCompletion[0]
      ? {
          vitalsAcceptable: s.preCompletion[0].vitalsAcceptable,
          at: s.preCompletion[0].assessedAt,
          by: `${s.preCompletion[0].assessedBy.firstName} ${s.preCompletion[0].assessedBy.lastName}`,
        }
      : null,
    facts: loaded.facts,
    state: sessionStatus(loaded.facts, now, loaded.openSeriousEvents),
  };
}
/**
 * R16: what today's concomitant-medication answers start from — the medication list in force on the session
 * date when the patient has a list, otherwise the last confirmed session's answers. Pre-fill only: the nurse
 * still confirms each answer with the patient.
 */
async function conmedPrefillOf(patientId: string, facts: SessionFacts, previous: Record<ConmedKey, boolean | null> | null) {
  const medications = facts.patient.medications ?? [];
  if (await db().concomitantMedication.count({ where: { patientId } }))
    return { source: "list" as const, answers: conmedAnswersFromClasses(facts.patient.medicationClasses), medications };
  if (!previous) return null;
  const answers = Object.fromEntries(Object.keys(CONMED_CLASSES).map((k) => [k, previous[k as ConmedKey]])) as Record<ConmedKey, boolean | null>;
  return { source: "previous" as const, answers, medications };
}
export type ConmedPrefill = Awaited<ReturnType<typeof conmedPrefillOf>>;

export type SessionView = NonNullable<Awaited<ReturnType<typeof sessionView>>>;

/** Choices of the check-in form at a patient's site: free chairs, prescribers and nurses who work there. */
export async function checkInChoices(patientId: string) {
  const p = await db().patient.findUnique({
    where: { id: patientId },
    select: { id: true, firstName: true, lastName: true, mrn: true, indication: true, siteId: true },
  });
  if (!p) return null;
  const [chairs, staff] = await Promise.all([
    db().chair.findMany({
      where: { siteId: p.siteId, active: true, sessions: { none: { status: { in: [...ACTIVE_STATUSES] } } } },
      orderBy: { label: "asc" },
      select: { id: true, label: true },
    }),
    db().user.findMany({
      where: { disabledAt: null, role: { in: ["NURSE", "PSYCHIATRIST"] }, sites: { some: { siteId: p.siteId } } },
      orderBy: { lastName: "asc" },
      select: { id: true, firstName: true, lastName: true, role: true },
    }),
  ]);
  return { patient: p, chairs, prescribers: staff.filter((u) => u.role === "PSYCHIATRIST"), nurses: staff };
}
