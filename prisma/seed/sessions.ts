// Treatment sessions: completed ones in the past and the two in progress now. Each follows the
// chair-side order of REMS.md §4.1: check-in, checklist, pre-dose vitals, devices 5–6 minutes
// apart, the 40-minute check, extra readings, the pre-discharge check, discharge.
import type { Clinic, SiteRef } from "./clinic";
import type { DeviceUse } from "./inventory";
import type { PlannedPatient } from "./patients";
import type { Rng } from "./random";
import { newId, type Rows } from "./rows";
import { addMin, addSec, clock, dateOnly, siteDay, localDaysAgo, zonedInstant } from "./time";

export type PlannedSession = {
  id: string;
  patient: PlannedPatient;
  site: SiteRef;
  nurseId: string;
  treatmentDate: string;
  doseMg: number;
  checkedInAt: Date;
  t0: Date;
  end: Date | null;
};

type Ctx = { rows: Rows; clinic: Clinic; uses: DeviceUse[] };
type Bp = { systolic: number; diastolic: number };

const nurseOf = (clinic: Clinic, site: SiteRef) => (site.code === "IN-B" ? clinic.staff.lena.id : clinic.staff.nora.id);

/** Check-in, the pre-dose checklist and the session row's common fields. */
function openSession(
  ctx: Ctx,
  p: PlannedPatient,
  o: { chairLabel: string; treatmentDate: string; scheduledFor: Date; checkedInAt: Date; t0: Date; doseMg: number },
) {
  const { clinic, rows } = ctx;
  const id = newId();
  const nurseId = nurseOf(clinic, p.site);
  const r = p.r;
  const chairId = p.site.chairs.get(o.chairLabel);
  if (!chairId) throw new Error(`No ${o.chairLabel} at ${p.site.code}`);
  const completedAt = addMin(o.checkedInAt, 4);
  const meds = p.medicationClasses;
  const [driverName, driverPhone] = p.spec.driver ?? ["Family member", "518-555-0199"];
  rows.checklists.push({
    id: newId(),
    sessionId: id,
    enrollmentVerifiedAt: p.site.settingType === "OUTPATIENT" ? addMin(o.checkedInAt, 2) : null,
    counsellingVerifiedAt: p.counselledAt ? addMin(o.checkedInAt, 2) : null,
    rideType: "DRIVER",
    driverName,
    driverPhone,
    lastFoodAt: addMin(o.t0, -r.int(150, 240)),
    lastLiquidAt: addMin(o.t0, -r.int(40, 90)),
    nasalMedicationAt: null,
    conmedBenzodiazepines: meds.has("BENZODIAZEPINE"),
    conmedSedativeHypnotics: meds.has("SEDATIVE_HYPNOTIC"),
    conmedPsychostimulants: meds.has("PSYCHOSTIMULANT"),
    conmedMaois: meds.has("MAOI"),
    conmedOpioids: meds.has("OPIOID"),
    conmedConfirmedAt: completedAt,
    pregnancyStatus: p.spec.sex === "FEMALE" && p.spec.age < 55 ? "NOT_PREGNANT" : "NOT_APPLICABLE",
    completedById: nurseId,
    createdAt: completedAt,
    updatedAt: completedAt,
  });
  const session = {
    id,
    patientId: p.id,
    siteId: p.site.id,
    chairId,
    prescriberOnSiteId: clinic.staff.priya.id,
    monitoringHcpId: nurseId,
    indication: p.spec.indication,
    scheduledFor: o.scheduledFor,
    checkedInAt: o.checkedInAt,
    treatmentDate: dateOnly(o.treatmentDate),
    plannedDoseMg: o.doseMg,
    createdAt: o.checkedInAt,
  };
  return { id, nurseId, session };
}

/** A vital-signs row; post-dose readings keep SpO2 95–98, HR 60–95, respiratory rate 12–18. */
function vital(
  ctx: Ctx,
  sessionId: string,
  nurseId: string,
  r: Rng,
  kind: "PRE_DOSE" | "POST_40" | "EXTRA" | "PRE_COMPLETION",
  takenAt: Date,
  bp: Bp,
  heartRate: number,
) {
  ctx.rows.vitals.push({
    id: newId(),
    sessionId,
    takenAt,
    kind,
    systolic: bp.systolic,
    diastolic: bp.diastolic,
    heartRate: Math.min(95, Math.max(60, heartRate)),
    spo2: kind === "PRE_DOSE" ? r.int(96, 99) : r.int(95, 98),
    respiratoryRate: r.int(12, 18),
    recordedById: nurseId,
    recordedAt: addSec(takenAt, r.int(20, 90)),
  });
}

function assessments(ctx: Ctx, sessionId: string, nurseId: string, at: Date, moaas: number, dissociation: boolean) {
  ctx.rows.sedation.push({ id: newId(), sessionId, takenAt: at, moaas, recordedById: nurseId, recordedAt: addSec(at, 30) });
  ctx.rows.dissociation.push({ id: newId(), sessionId, takenAt: at, present: dissociation, recordedById: nurseId, recordedAt: addSec(at, 40) });
}

/** Devices (dose ÷ 28) from T0, each 5–6 minutes after the previous one; the device itself is picked later, in time order. */
function devices(ctx: Ctx, sessionId: string, nurseId: string, r: Rng, t0: Date, doseMg: number) {
  let at = t0;
  for (let sequence = 1; sequence <= doseMg / 28; sequence++) {
    if (sequence > 1) at = addSec(at, 300 + r.int(5, 55));
    const row = { id: newId(), sessionId, sequence, administeredAt: at, deviceId: "", recordedById: nurseId, recordedAt: addSec(at, r.int(15, 45)) };
    ctx.rows.administrations.push(row);
    ctx.uses.push({
      at,
      status: "ADMINISTERED",
      assign: (deviceId) => {
        row.deviceId = deviceId;
      },
    });
  }
  return at;
}

type PastOpts = {
  daysAgo: number;
  doseMg: number;
  slot: number;
  chairLabel: string;
  elevatedPreDose: boolean;
  dissociationEvent: boolean;
  firstSession: boolean;
};

/** A completed session on a past day, 09:00–11:30 site-local. */
export function planPastSession(ctx: Ctx, p: PlannedPatient, now: Date, o: PastOpts): PlannedSession {
  const { rows, clinic } = ctx;
  const r = p.r;
  const tz = p.site.timeZone;
  const treatmentDate = localDaysAgo(now, tz, o.daysAgo);
  const scheduledFor = zonedInstant(treatmentDate, clock("09:00"), tz);
  const checkedInAt = addSec(scheduledFor, (o.slot * 2 + r.int(0, 3)) * 60 + r.int(0, 59));
  const t0 = addSec(checkedInAt, r.int(12, 14) * 60 + r.int(0, 59));
  const { id, nurseId, session } = openSession(ctx, p, { chairLabel: o.chairLabel, treatmentDate, scheduledFor, checkedInAt, t0, doseMg: o.doseMg });

  // Blood pressure: pre-dose 118–138/72–86, a peak 10–30 mmHg higher at 40 minutes, falling afterwards.
  const pre: Bp = o.elevatedPreDose ? { systolic: 146, diastolic: 92 } : { systolic: r.int(118, 138), diastolic: r.int(72, 86) };
  const rise = { systolic: r.int(10, o.elevatedPreDose ? 24 : 30), diastolic: r.int(4, 10) };
  const at = (f: number): Bp => ({ systolic: pre.systolic + Math.round(rise.systolic * f), diastolic: pre.diastolic + Math.round(rise.diastolic * f) });
  const hr = r.int(62, 86);
  const preDoseAt = addSec(t0, -r.int(9 * 60, 11 * 60));
  vital(ctx, id, nurseId, r, "PRE_DOSE", preDoseAt, pre, hr);
  if (o.elevatedPreDose)
    rows.decisions.push({
      id: newId(),
      sessionId: id,
      rule: "R14",
      decision: "PROCEED",
      prescriberId: clinic.staff.priya.id,
      decidedAt: addMin(preDoseAt, 3),
      reason:
        "Asymptomatic (no headache, chest pain or visual change); 146/92 is within the patient's usual range (home readings 135-145/85-90), so the values are acceptable. Benefit outweighs a short rise; proceed and recheck at 40 minutes.",
    });
  if (o.firstSession && p.spec.flags?.some((f) => f.category === "CAUTION"))
    rows.decisions.push({
      id: newId(),
      sessionId: id,
      rule: "R9",
      decision: "PROCEED",
      prescriberId: clinic.staff.priya.id,
      decidedAt: addMin(checkedInAt, 5),
      reason: `Benefit and risk discussed with the patient (${p.spec.flags.map((f) => f.note).join("; ")}); proceed with close monitoring.`,
    });
  devices(ctx, id, nurseId, r, t0, o.doseMg);

  const fortyAt = addSec(t0, r.int(38 * 60, 42 * 60));
  vital(ctx, id, nurseId, r, "POST_40", fortyAt, at(1), hr + r.int(2, 9));
  const dissociated = o.dissociationEvent || r.chance(0.35);
  assessments(ctx, id, nurseId, addSec(fortyAt, 60), r.chance(0.3) ? 4 : 5, dissociated);
  vital(ctx, id, nurseId, r, "EXTRA", addSec(t0, r.int(58 * 60, 62 * 60)), at(0.55), hr + r.int(0, 6));
  vital(ctx, id, nurseId, r, "EXTRA", addSec(t0, r.int(88 * 60, 92 * 60)), at(0.25), hr + r.int(-2, 4));
  const preCompletionAt = addSec(t0, r.int(118 * 60, 121 * 60));
  const last: Bp = o.elevatedPreDose ? { systolic: 138, diastolic: 86 } : { systolic: pre.systolic + r.int(-5, 3), diastolic: pre.diastolic + r.int(-4, 1) };
  vital(ctx, id, nurseId, r, "PRE_COMPLETION", preCompletionAt, last, hr + r.int(-4, 2));
  assessments(ctx, id, nurseId, addSec(preCompletionAt, 60), 5, false);
  if (o.dissociationEvent)
    rows.adverseEvents.push({
      id: newId(),
      patientId: p.id,
      siteId: p.site.id,
      sessionId: id,
      type: "DISSOCIATION",
      serious: false,
      recordedById: nurseId,
      description: "Dissociation from 18 minutes: felt detached from the body, time distortion; calm, vital signs stable.",
      // entered at the chair a minute after onset (a later entry would be an R49 late entry), resolved when it was over
      onsetAt: addMin(t0, 18),
      resolvedAt: addMin(t0, 86),
      outcome: "Resolved without intervention by 90 minutes",
      createdAt: addMin(t0, 19),
    });

  // Discharge 120–126 minutes after T0 and 3–5 minutes after the pre-discharge check.
  const end = new Date(Math.max(addMin(t0, 121).getTime(), addSec(preCompletionAt, r.int(180, 300)).getTime()));
  rows.discharges.push({
    id: newId(),
    sessionId: id,
    outcome: "DISCHARGED",
    decidedAt: end,
    hcpId: nurseId,
    criteriaSnapshot: {},
    rideConfirmed: true,
    noDrivingReminder: true,
    readyToLeaveMinutes: r.int(75, 110),
    vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: true,
    createdAt: end,
  });
  rows.sessions.push({ ...session, status: "DISCHARGED", endOfMonitoringAt: end, updatedAt: end });
  return { id, patient: p, site: p.site, nurseId, treatmentDate, doseMg: o.doseMg, checkedInAt, t0, end };
}

/** A session in progress now: all devices given, status MONITORING, the roster's readings since. */
export function planActiveSession(ctx: Ctx, p: PlannedPatient, now: Date): PlannedSession {
  const a = p.spec.active!;
  const r = p.r;
  const t0 = addMin(now, -a.t0MinutesAgo);
  const checkedInAt = addSec(t0, -(27 * 60 + r.int(0, 59)));
  const treatmentDate = siteDay(t0, p.site.timeZone);
  const { id, nurseId, session } = openSession(ctx, p, {
    chairLabel: a.chair,
    treatmentDate,
    scheduledFor: addMin(checkedInAt, -5),
    checkedInAt,
    t0,
    doseMg: a.doseMg,
  });
  const hr = r.int(66, 80);
  vital(ctx, id, nurseId, r, "PRE_DOSE", addSec(t0, -(10 * 60 + r.int(0, 30))), { systolic: a.preDose[0], diastolic: a.preDose[1] }, hr);
  const lastDevice = devices(ctx, id, nurseId, r, t0, a.doseMg);
  for (const o of a.observed) {
    const takenAt = addSec(t0, o.minute * 60 + 20);
    if (takenAt.getTime() > now.getTime()) throw new Error(`${p.spec.mrn}: a reading at ${o.minute} min is in the future`);
    vital(ctx, id, nurseId, r, o.kind, takenAt, { systolic: o.bp[0], diastolic: o.bp[1] }, o.heartRate);
    if (o.moaas != null && o.dissociation != null) assessments(ctx, id, nurseId, addSec(takenAt, 40), o.moaas, o.dissociation);
  }
  ctx.rows.sessions.push({ ...session, status: "MONITORING", updatedAt: lastDevice });
  return { id, patient: p, site: p.site, nurseId, treatmentDate, doseMg: a.doseMg, checkedInAt, t0, end: null };
}

/** Every session of a site's patients; past sessions on one day take the chairs in turn (and check in 2 minutes apart). */
export function planSessions(rows: Rows, clinic: Clinic, patients: PlannedPatient[], now: Date) {
  const sessions: PlannedSession[] = [];
  const uses = new Map<string, DeviceUse[]>();
  for (const site of [clinic.outA, clinic.inB]) {
    const ctx: Ctx = { rows, clinic, uses: [] };
    uses.set(site.id, ctx.uses);
    const chairLabels = [...site.chairs.keys()];
    const busy = new Map<number, number>();
    for (const p of patients.filter((x) => x.site.id === site.id)) {
      for (const [index, [daysAgo, doseMg]] of (p.spec.past ?? []).entries()) {
        if (daysAgo < 1) throw new Error(`${p.spec.mrn}: past sessions are before today`);
        const slot = busy.get(daysAgo) ?? 0;
        if (slot >= chairLabels.length) throw new Error(`${site.code} has more sessions ${daysAgo} days ago than chairs`);
        busy.set(daysAgo, slot + 1);
        sessions.push(
          planPastSession(ctx, p, now, {
            daysAgo,
            doseMg,
            slot,
            chairLabel: chairLabels[slot],
            firstSession: index === 0,
            elevatedPreDose: p.spec.elevatedPreDoseAt === index,
            dissociationEvent: p.spec.dissociationEventAt === index,
          }),
        );
      }
      if (p.spec.active) sessions.push(planActiveSession(ctx, p, now));
    }
  }
  return { sessions, uses };
}
