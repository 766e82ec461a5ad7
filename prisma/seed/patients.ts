// A patient's chart before any session: identity, medications, flags, REMS enrollment, counselling,
// and (for patients with sessions) the antidepressant trials that document TRD.
import { COUNSELLING_TOPICS } from "../../lib/patients/enrollment-schema";
import type { Clinic, SiteRef } from "./clinic";
import { rngFor, type Rng } from "./random";
import type { PatientSpec } from "./roster";
import { newId, type Rows } from "./rows";
import { addMin, clock, dateOnly, siteDay, localDaysAgo, zonedInstant } from "./time";
import { dateOnly as dayOf } from "../../lib/time/days";

export type PlannedPatient = { id: string; spec: PatientSpec; site: SiteRef; r: Rng; medicationClasses: Set<string>; counselledAt: Date | null };

/** Birth date of someone who is `age` on `today` and has their birthday on MM-DD. */
function birthDate(today: string, age: number, birthday: string): string {
  const year = Number(today.slice(0, 4)) - age - (birthday > today.slice(5) ? 1 : 0);
  return `${year}-${birthday === "02-29" ? "02-28" : birthday}`;
}

export function planPatient(rows: Rows, spec: PatientSpec, site: SiteRef, clinic: Clinic, now: Date, phone: string): PlannedPatient {
  const r = rngFor(spec.mrn);
  const tz = site.timeZone;
  const id = newId();
  const firstSessionDaysAgo = spec.past?.[0]?.[0] ?? null;
  const registeredDaysAgo = firstSessionDaysAgo != null ? firstSessionDaysAgo + 9 : (spec.registeredDaysAgo ?? 30);
  const registeredAt = zonedInstant(localDaysAgo(now, tz, registeredDaysAgo), clock("10:30") + r.int(0, 60), tz);
  rows.patients.push({
    id,
    siteId: site.id,
    mrn: spec.mrn,
    firstName: spec.firstName,
    middleInitial: spec.middleInitial ?? null,
    lastName: spec.lastName,
    birthDate: dateOnly(birthDate(siteDay(now, tz), spec.age, spec.birthday)),
    sex: spec.sex,
    phone,
    indication: spec.indication,
    createdAt: registeredAt,
    updatedAt: registeredAt,
  });
  for (const [name, drugClass] of spec.meds)
    rows.medications.push({
      id: newId(),
      patientId: id,
      name,
      drugClass,
      startedOn: dateOnly(localDaysAgo(now, tz, registeredDaysAgo + r.int(40, 300))),
      createdAt: registeredAt,
    });
  for (const f of spec.flags ?? [])
    rows.flags.push({ id: newId(), patientId: id, ...f, recordedAt: addMin(registeredAt, 20), recordedById: clinic.staff.priya.id });

  // Enrollment and counselling at one visit: 5 days before the first session, or the day after registration.
  const visitDaysAgo = firstSessionDaysAgo != null ? firstSessionDaysAgo + 5 : Math.max(registeredDaysAgo - 1, 0);
  let visit = zonedInstant(localDaysAgo(now, tz, visitDaysAgo), clock("13:00") + r.int(0, 90), tz);
  if (visit.getTime() > now.getTime() - 3 * 3_600_000) visit = new Date(Math.max(registeredAt.getTime() + 3_600_000, now.getTime() - 3 * 3_600_000));
  if (spec.enrolled && site.settingType === "OUTPATIENT")
    rows.enrollments.push({
      id: newId(),
      patientId: id,
      prescriberId: clinic.staff.priya.id,
      siteId: site.id,
      patientSignedAt: visit,
      prescriberSignedAt: addMin(visit, 10),
      submittedAt: addMin(visit, 45),
      channel: "ONLINE",
      remsConfirmation: `ENR-${r.int(100000, 999999)}`,
      createdAt: visit,
    });
  const counselled = spec.enrolled || firstSessionDaysAgo != null;
  const counselledAt = counselled ? addMin(visit, 20) : null;
  if (counselledAt)
    rows.counselling.push({
      id: newId(),
      patientId: id,
      counselledAt,
      counselledById: clinic.staff.priya.id,
      topics: [...COUNSELLING_TOPICS],
      createdAt: counselledAt,
    });
  if (spec.past?.length)
    planTrials(
      rows,
      id,
      spec.mrn,
      r,
      registeredAt,
      spec.meds.map(([name]) => name.split(" ")[0]),
    );
  return { id, spec, site, r, medicationClasses: new Set(spec.meds.map(([, c]) => c)), counselledAt };
}

type Trial = {
  drug: string;
  mechanismClass: string;
  doseMg: number;
  adequateDose: boolean;
  weeks: number;
  adherent: boolean;
  outcome: "NO_RESPONSE" | "PARTIAL_RESPONSE" | "INTOLERANCE";
};

const ADEQUATE: Trial[] = [
  { drug: "Sertraline", mechanismClass: "SSRI", doseMg: 200, adequateDose: true, weeks: 10, adherent: true, outcome: "NO_RESPONSE" },
  { drug: "Duloxetine", mechanismClass: "SNRI", doseMg: 120, adequateDose: true, weeks: 12, adherent: true, outcome: "PARTIAL_RESPONSE" },
  { drug: "Escitalopram", mechanismClass: "SSRI", doseMg: 20, adequateDose: true, weeks: 8, adherent: true, outcome: "NO_RESPONSE" },
  { drug: "Venlafaxine XR", mechanismClass: "SNRI", doseMg: 225, adequateDose: true, weeks: 9, adherent: true, outcome: "NO_RESPONSE" },
  { drug: "Bupropion XL", mechanismClass: "NDRI", doseMg: 450, adequateDose: true, weeks: 7, adherent: true, outcome: "PARTIAL_RESPONSE" },
  { drug: "Desvenlafaxine", mechanismClass: "SNRI", doseMg: 100, adequateDose: true, weeks: 6, adherent: true, outcome: "NO_RESPONSE" },
];
const INTOLERANCE: Trial = { drug: "Nortriptyline", mechanismClass: "TCA", doseMg: 75, adequateDose: false, weeks: 3, adherent: true, outcome: "INTOLERANCE" };
const TOO_SHORT: Trial = { drug: "Citalopram", mechanismClass: "SSRI", doseMg: 40, adequateDose: true, weeks: 5, adherent: true, outcome: "NO_RESPONSE" };

/**
 * 2–4 trials: always two adequate failed trials of different mechanisms (TRD criteria met), then by
 * MRN an intolerance, a 5-week (too short) trial, both or neither.
 */
function planTrials(rows: Rows, patientId: string, mrn: string, r: Rng, registeredAt: Date, currentDrugs: string[]) {
  const pool = ADEQUATE.filter((t) => !currentDrugs.includes(t.drug.split(" ")[0]));
  const first = r.pick(pool);
  const second = r.pick(pool.filter((t) => t.mechanismClass !== first.mechanismClass));
  const extra = [[], [INTOLERANCE], [TOO_SHORT], [INTOLERANCE, TOO_SHORT]][Number(mrn.slice(-1)) % 4];
  const trials = [first, second, ...extra];
  // Oldest first, back to back with a 2-week washout, ending a month before registration.
  let end = registeredAt.getTime() - 30 * 86_400_000;
  const dated = trials.reverse().map((t) => {
    const start = end - t.weeks * 7 * 86_400_000;
    end = start - 14 * 86_400_000;
    return { ...t, startedOn: dateOnly(dayOf(new Date(start))) };
  });
  for (const t of dated.reverse()) rows.trials.push({ id: newId(), patientId, ...t, createdAt: registeredAt });
}
