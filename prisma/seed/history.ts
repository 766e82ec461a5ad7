// Patients with their enrollment, medications, trials, outcomes and past sessions.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { loadSessionFacts } from "../../lib/sessions/data";
import { localDate, addDays } from "../../lib/sessions/local-time";
import { pmfFields } from "../../lib/pmf/fields";
import type { PatientSpec } from "./clinic";
import { rng } from "./random";
import { addMin, dateOnly, zonedInstant } from "./time";

type Site = { id: string; timeZone: string; settingType: "OUTPATIENT" | "INPATIENT"; chairs: { id: string }[] };
type Staff = { nurseId: string; psychId: string; adminId: string };
type DeviceSource = { take(n: number): Promise<string[]> };

const TRIALS = [
  { drug: "Sertraline", mechanismClass: "SSRI", doseMg: 200, adequateDose: true, weeks: 10, adherent: true, outcome: "NO_RESPONSE" },
  { drug: "Venlafaxine XR", mechanismClass: "SNRI", doseMg: 225, adequateDose: true, weeks: 8, adherent: true, outcome: "PARTIAL_RESPONSE" },
  { drug: "Bupropion XL", mechanismClass: "NDRI", doseMg: 300, adequateDose: true, weeks: 5, adherent: true, outcome: "NO_RESPONSE" },
  { drug: "Nortriptyline", mechanismClass: "TCA", doseMg: 75, adequateDose: true, weeks: 3, adherent: true, outcome: "INTOLERANCE" },
] as const;

export async function seedPatient(db: PrismaClient, spec: PatientSpec, site: Site, staff: Staff, devices: DeviceSource, seedNo: number, now: Date) {
  const r = rng(seedNo);
  const firstSessionDaysAgo = spec.sessionsDaysAgo[0] ?? 0;
  // Enrollment and counselling in clinic hours, ten days before the first session.
  const onboarded = zonedInstant(localDate(new Date(now.getTime() - (firstSessionDaysAgo + 10) * 86_400_000), site.timeZone), "10:30", site.timeZone);
  const patient = await db.patient.create({
    data: {
      siteId: site.id, mrn: spec.mrn, firstName: spec.firstName, middleInitial: spec.middleInitial ?? null, lastName: spec.lastName, birthDate: dateOnly(spec.birthDate),
      sex: spec.sex, phone: `518-555-${String(1000 + seedNo * 37).slice(-4)}`, indication: spec.indication,
      medications: { create: spec.meds.map(([name, drugClass]) => ({ name, drugClass: drugClass as never, startedOn: dateOnly("2025-06-01") })) },
      flags: { create: (spec.flags ?? []).map((f) => ({ category: f.category, kind: f.kind as never, note: f.note, recordedAt: onboarded, recordedById: staff.psychId })) },
      ...(spec.enrolled ? {
        enrollments: { create: { prescriberId: staff.psychId, siteId: site.id, patientSignedAt: onboarded, prescriberSignedAt: addMin(onboarded, 15), submittedAt: addMin(onboarded, 60),
          channel: "ONLINE", remsConfirmation: `ENR-${String(480000 + seedNo * 131)}` } },
        counselling: { create: { counselledAt: onboarded, counselledById: staff.psychId, topics: ["sedation", "dissociation", "respiratory_depression", "blood_pressure", "two_hour_monitoring", "ride_home", "no_driving"] } },
      } : {}),
    },
  });
  if (spec.sessionsDaysAgo.length) {
    await db.antidepressantTrial.createMany({ data: TRIALS.slice(0, 2 + (seedNo % 3)).map((t) => ({ ...t, patientId: patient.id, startedOn: dateOnly("2024-09-01") })) });
    // PHQ-9: a baseline before the first session, then every other session, falling over the course.
    const baseline = [3, 3, 2, 3, 2, 3, 2, 2, 1];
    const phqAt = [{ daysAgo: firstSessionDaysAgo + 1, drop: 0 }, ...spec.sessionsDaysAgo.filter((_, i) => i % 2 === 1).map((d, i) => ({ daysAgo: d, drop: i + 1 }))];
    for (const p of phqAt) {
      const items = baseline.map((x, i) => Math.max(0, x - Math.floor((p.drop * (i + 2)) / 5)));
      await db.outcomeMeasure.create({ data: { patientId: patient.id, instrument: "PHQ9", itemScores: items, total: items.reduce((a, b) => a + b, 0), takenAt: new Date(now.getTime() - p.daysAgo * 86_400_000), recordedById: staff.nurseId } });
    }
    if (spec.mrn === "A-1003") for (const [daysAgo, items] of [[firstSessionDaysAgo + 1, [4, 5, 4, 3, 2, 4, 4, 4, 3, 1]], [firstSessionDaysAgo - 28, [2, 2, 2, 1, 1, 2, 2, 2, 1, 0]]] as const)
      await db.outcomeMeasure.create({ data: { patientId: patient.id, instrument: "MADRS", itemScores: [...items], total: (items as readonly number[]).reduce((a, b) => a + b, 0), takenAt: new Date(now.getTime() - daysAgo * 86_400_000), recordedById: staff.psychId } });
  }
  const sessions: string[] = [];
  for (const [i, daysAgo] of spec.sessionsDaysAgo.entries()) {
    const date = localDate(new Date(now.getTime() - daysAgo * 86_400_000), site.timeZone);
    const t0 = zonedInstant(date, `09:${String(r.int(0, 20)).padStart(2, "0")}`, site.timeZone);
    const doseMg = spec.doses?.[i] ?? 56;
    sessions.push(await pastSession(db, { patientId: patient.id, site, staff, devices, r, t0, doseMg, indication: spec.indication, chairId: site.chairs[i % site.chairs.length].id,
      elevatedPreDose: spec.mrn === "A-1003" && i === 3, dissociationAt40: r.chance(0.5), sedationAt40: r.chance(0.5) ? 4 : 5, now, keepDraft: daysAgo <= 10 }));
  }
  if (spec.active) await activeSession(db, { patientId: patient.id, site, staff, devices, r, ...spec.active, indication: spec.indication, now });
  return { patientId: patient.id, sessions };
}

type PastOpts = { patientId: string; site: Site; staff: Staff; devices: DeviceSource; r: ReturnType<typeof rng>; t0: Date; doseMg: number; indication: "TRD" | "MDSI";
  chairId: string; elevatedPreDose: boolean; dissociationAt40: boolean; sedationAt40: number; now: Date; keepDraft: boolean };

async function pastSession(db: PrismaClient, o: PastOpts) {
  const { r, t0, site, staff } = o;
  const treatmentDate = localDate(t0, site.timeZone);
  const end = addMin(t0, r.int(121, 132));
  const s = await db.treatmentSession.create({
    data: { patientId: o.patientId, siteId: site.id, chairId: o.chairId, prescriberOnSiteId: staff.psychId, monitoringHcpId: staff.nurseId, status: "DISCHARGED", indication: o.indication,
      scheduledFor: addMin(t0, -30), checkedInAt: addMin(t0, -25), treatmentDate: dateOnly(treatmentDate), plannedDoseMg: o.doseMg, endOfMonitoringAt: end,
      checklist: { create: checklist(t0, staff.nurseId) } },
  });
  await preDoseAndDevices(db, s.id, o, t0);
  const sys0 = o.elevatedPreDose ? 146 : r.int(118, 136), dia0 = o.elevatedPreDose ? 92 : r.int(72, 85);
  const peak = r.int(10, 30);
  const vitals = [
    { takenAt: addMin(t0, r.int(38, 42)), kind: "EXTRA" as const, systolic: sys0 + peak, diastolic: dia0 + Math.round(peak / 3), spo2: r.int(95, 98) },
    { takenAt: addMin(t0, 60), kind: "EXTRA" as const, systolic: sys0 + Math.round(peak * 0.6), diastolic: dia0 + 4, spo2: r.int(96, 99) },
    { takenAt: addMin(t0, 90), kind: "EXTRA" as const, systolic: sys0 + Math.round(peak * 0.3), diastolic: dia0 + 2, spo2: r.int(96, 99) },
    { takenAt: addMin(end, -r.int(3, 7)), kind: "PRE_COMPLETION" as const, systolic: sys0 + r.int(-4, 4), diastolic: dia0 + r.int(-3, 3), spo2: r.int(96, 99) },
  ];
  await db.observationVital.createMany({ data: vitals.map((v) => ({ ...v, sessionId: s.id, heartRate: r.int(62, 92), respiratoryRate: r.int(12, 18), recordedById: staff.nurseId, recordedAt: v.takenAt })) });
  await db.sedationAssessment.createMany({ data: [{ sessionId: s.id, takenAt: vitals[0].takenAt, moaas: o.sedationAt40, recordedById: staff.nurseId }, { sessionId: s.id, takenAt: vitals[3].takenAt, moaas: 5, recordedById: staff.nurseId }] });
  await db.dissociationAssessment.createMany({ data: [{ sessionId: s.id, takenAt: vitals[0].takenAt, present: o.dissociationAt40, recordedById: staff.nurseId }, { sessionId: s.id, takenAt: vitals[3].takenAt, present: false, recordedById: staff.nurseId }] });
  if (o.elevatedPreDose)
    await db.clinicalDecision.create({ data: { sessionId: s.id, rule: "R14", decision: "PROCEED", reason: "Asymptomatic; usual pre-dose values for this patient are 135-145/85-92. Recheck at 40 minutes.", prescriberId: staff.psychId, decidedAt: addMin(t0, -4) } });
  if (o.dissociationAt40 && o.patientId && o.r.chance(0.3))
    await db.adverseEvent.create({ data: { patientId: o.patientId, siteId: site.id, sessionId: s.id, type: "DISSOCIATION", description: "Felt detached from surroundings, perceptual changes", serious: false,
      onsetAt: addMin(t0, 25), resolvedAt: addMin(t0, 85), outcome: "Resolved without intervention by 90 minutes", recordedById: staff.nurseId } });
  await db.dischargeDecision.create({ data: { sessionId: s.id, outcome: "DISCHARGED", decidedAt: end, hcpId: staff.nurseId, criteriaSnapshot: {}, rideConfirmed: true, noDrivingReminder: true,
    readyToLeaveMinutes: r.int(75, 110), vitalsAcceptablePreAdministration: true, vitalsAcceptablePreCompletion: true } });
  await monitoringForm(db, s.id, end, o.keepDraft, staff.nurseId);
  return s.id;
}

function checklist(t0: Date, nurseId: string) {
  return { enrollmentVerifiedAt: addMin(t0, -22), counsellingVerifiedAt: addMin(t0, -22), rideType: "DRIVER" as const, driverName: "Family member", driverPhone: "518-555-0199",
    lastFoodAt: addMin(t0, -200), lastLiquidAt: addMin(t0, -70), conmedBenzodiazepines: false, conmedSedativeHypnotics: false, conmedPsychostimulants: false, conmedMaois: false,
    conmedOpioids: false, conmedConfirmedAt: addMin(t0, -20), pregnancyStatus: "NOT_APPLICABLE" as const, completedById: nurseId };
}

async function preDoseAndDevices(db: PrismaClient, sessionId: string, o: { staff: Staff; devices: DeviceSource; r: ReturnType<typeof rng>; doseMg: number; elevatedPreDose?: boolean }, t0: Date) {
  const sys = o.elevatedPreDose ? 146 : o.r.int(118, 136), dia = o.elevatedPreDose ? 92 : o.r.int(72, 85);
  await db.observationVital.create({ data: { sessionId, takenAt: addMin(t0, -12), kind: "PRE_DOSE", systolic: sys, diastolic: dia, heartRate: o.r.int(62, 88), spo2: o.r.int(96, 99), respiratoryRate: 14, recordedById: o.staff.nurseId, recordedAt: addMin(t0, -12) } });
  const ids = await o.devices.take(o.doseMg / 28);
  for (const [k, deviceId] of ids.entries()) {
    const at = addMin(t0, k * 5 + (k ? o.r.int(0, 1) : 0));
    await db.deviceAdministration.create({ data: { sessionId, sequence: k + 1, administeredAt: at, deviceId, recordedById: o.staff.nurseId, recordedAt: at } });
  }
}

async function monitoringForm(db: PrismaClient, sessionId: string, end: Date, keepDraft: boolean, ownerId: string) {
  const s = await db.treatmentSession.findUniqueOrThrow({ where: { id: sessionId }, include: { patient: true, site: true, monitoringHcp: true, discharge: true, adverseEvents: true } });
  if (s.site.settingType !== "OUTPATIENT") return;
  const loaded = await db.$transaction((tx) => loadSessionFacts(tx, sessionId, end));
  const facts = loaded!.facts;
  const fields = pmfFields({ facts, patient: { ...s.patient, birthDate: s.patient.birthDate.toISOString().slice(0, 10) }, monitoringHcp: s.monitoringHcp, site: s.site, endOfMonitoringAt: end,
    discharge: { readyToLeaveMinutes: s.discharge!.readyToLeaveMinutes, vitalsAcceptablePreAdministration: true, vitalsAcceptablePreCompletion: true }, adverseEvents: s.adverseEvents });
  const treatmentDate = s.treatmentDate!.toISOString().slice(0, 10);
  const submitted = !keepDraft;
  await db.patientMonitoringForm.create({ data: { sessionId, formVersion: facts.params.pmfFormVersion, fields, dueDate: dateOnly(addDays(treatmentDate, 7)), ownerId,
    status: submitted ? "SUBMITTED" : "DRAFT", ...(submitted ? { submittedAt: addMin(end, 60 * 24 * 2), submittedById: ownerId, channel: "ONLINE" as const, confirmation: `PMF-${sessionId.slice(-6).toUpperCase()}` } : {}) } });
}

type ActiveOpts = { patientId: string; site: Site; staff: Staff; devices: DeviceSource; r: ReturnType<typeof rng>; chair: number; t0MinutesAgo: number; doseMg: number; fortyDone: boolean; indication: "TRD" | "MDSI"; now: Date };

async function activeSession(db: PrismaClient, o: ActiveOpts) {
  const t0 = addMin(o.now, -o.t0MinutesAgo);
  const s = await db.treatmentSession.create({
    data: { patientId: o.patientId, siteId: o.site.id, chairId: o.site.chairs[o.chair].id, prescriberOnSiteId: o.staff.psychId, monitoringHcpId: o.staff.nurseId, status: "MONITORING",
      indication: o.indication, checkedInAt: addMin(t0, -25), treatmentDate: dateOnly(localDate(t0, o.site.timeZone)), plannedDoseMg: o.doseMg, checklist: { create: checklist(t0, o.staff.nurseId) } },
  });
  await preDoseAndDevices(db, s.id, o, t0);
  if (o.fortyDone) {
    await db.observationVital.createMany({ data: [
      { sessionId: s.id, takenAt: addMin(t0, 41), kind: "EXTRA", systolic: 152, diastolic: 90, heartRate: 84, spo2: 97, respiratoryRate: 16, recordedById: o.staff.nurseId },
      { sessionId: s.id, takenAt: addMin(t0, 100), kind: "EXTRA", systolic: 134, diastolic: 82, heartRate: 76, spo2: 98, respiratoryRate: 14, recordedById: o.staff.nurseId },
    ] });
    await db.sedationAssessment.createMany({ data: [{ sessionId: s.id, takenAt: addMin(t0, 41), moaas: 4, recordedById: o.staff.nurseId }, { sessionId: s.id, takenAt: addMin(t0, 100), moaas: 5, recordedById: o.staff.nurseId }] });
    await db.dissociationAssessment.createMany({ data: [{ sessionId: s.id, takenAt: addMin(t0, 41), present: true, recordedById: o.staff.nurseId }, { sessionId: s.id, takenAt: addMin(t0, 100), present: false, recordedById: o.staff.nurseId }] });
  }
}
