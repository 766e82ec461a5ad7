// Sites, staff and patients of the demo clinic (the contract other tests rely on: README, e2e).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { hashPassword } from "../../lib/auth/password";
import { dateOnly } from "./time";

export const DEMO_PASSWORD = "Demo-pass-2026";

export async function seedSitesAndStaff(db: PrismaClient) {
  await db.remsParameterSet.create({ data: { effectiveFrom: new Date("2019-03-05T00:00:00Z"), note: "SPRAVATO REMS as summarised in REMS.md (FDA summary 12/31/2024)" } });
  const outA = await db.site.create({
    data: { code: "OUT-A", name: "Riverside Outpatient Clinic", settingType: "OUTPATIENT", certificationStatus: "ACTIVE", certifiedAt: new Date("2025-01-15T15:00:00Z"),
      remsSettingId: "OHS-204518", acquisitionMethods: ["BUY_AND_BILL", "PHARMACY_CHANNEL"], pulseOximeterAttested: true, pulseOximeterAttestedAt: new Date("2025-01-15T15:00:00Z"),
      address1: "120 River Street", address2: "Suite 300", city: "Hudson", state: "NY", zip: "12534", phone: "518-555-0140", timeZone: "America/New_York",
      chairs: { create: ["Chair 1", "Chair 2", "Chair 3", "Chair 4"].map((label) => ({ label })) },
      authorizedRepresentatives: { create: { name: "Dr. Helen Marsh", email: "h.marsh@riverside.example", phone: "518-555-0149", fromDate: dateOnly("2025-01-10") } } },
    include: { chairs: { orderBy: { label: "asc" } } },
  });
  const inB = await db.site.create({
    data: { code: "IN-B", name: "Lakeside Inpatient Unit", settingType: "INPATIENT", certificationStatus: "ACTIVE", certifiedAt: new Date("2024-06-01T15:00:00Z"),
      acquisitionMethods: ["PHARMACY_CHANNEL"], pulseOximeterAttested: true, pulseOximeterAttestedAt: new Date("2024-06-01T15:00:00Z"),
      address1: "800 Lake Shore Drive", city: "Chicago", state: "IL", zip: "60611", phone: "312-555-0100", timeZone: "America/Chicago",
      chairs: { create: [{ label: "Bed 1" }, { label: "Bed 2" }] },
      authorizedRepresentatives: { create: { name: "Dr. Omar Said", email: "o.said@lakeside.example", fromDate: dateOnly("2024-05-20") } } },
    include: { chairs: { orderBy: { label: "asc" } } },
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (firstName: string, lastName: string, email: string, role: "NURSE" | "PSYCHIATRIST" | "ADMIN", telephone: string, siteIds: string[]) =>
    db.user.create({ data: { firstName, lastName, email, role, telephone, passwordHash, sites: { create: siteIds.map((siteId) => ({ siteId })) } } });
  const staff = {
    nora: await user("Nora", "Bishop", "nurse@example.com", "NURSE", "518-555-0141", [outA.id]),
    sam: await user("Sam", "Ortiz", "nurse2@example.com", "NURSE", "518-555-0142", [outA.id]),
    lena: await user("Lena", "Brooks", "nurse.b@example.com", "NURSE", "312-555-0150", [inB.id]),
    priya: await user("Priya", "Shah", "psych@example.com", "PSYCHIATRIST", "518-555-0143", [outA.id, inB.id]),
    adam: await user("Adam", "Cole", "admin@example.com", "ADMIN", "518-555-0144", [outA.id, inB.id]),
  };
  return { outA, inB, staff };
}

type Flag = { category: "CONTRAINDICATION" | "CAUTION"; kind: string; note: string };
export type PatientSpec = {
  mrn: string; firstName: string; lastName: string; middleInitial?: string; birthDate: string; sex: "MALE" | "FEMALE" | "OTHER";
  indication: "TRD" | "MDSI"; enrolled: boolean; flags?: Flag[]; meds: [string, string][]; sessionsDaysAgo: number[]; doses?: number[];
  active?: { chair: number; t0MinutesAgo: number; doseMg: number; fortyDone: boolean };
};

export const OUT_A_PATIENTS: PatientSpec[] = [
  { mrn: "A-1001", firstName: "Avery", lastName: "Quinn", birthDate: "1991-02-14", sex: "FEMALE", indication: "TRD", enrolled: false, meds: [["Sertraline 150 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [] },
  { mrn: "A-1002", firstName: "Blake", lastName: "Morgan", birthDate: "1979-09-03", sex: "MALE", indication: "TRD", enrolled: true, meds: [["Escitalopram 20 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [] },
  { mrn: "A-1003", firstName: "Casey", lastName: "Rivera", middleInitial: "R", birthDate: "1984-07-19", sex: "FEMALE", indication: "TRD", enrolled: true,
    meds: [["Venlafaxine XR 225 mg daily", "ORAL_ANTIDEPRESSANT"], ["Lorazepam 0.5 mg as needed", "BENZODIAZEPINE"]], sessionsDaysAgo: [40, 37, 33, 30, 26, 23, 19, 16], doses: [56, 56, 84, 84, 84, 84, 84, 84] },
  { mrn: "A-1004", firstName: "Dana", lastName: "Okafor", birthDate: "1988-11-30", sex: "FEMALE", indication: "TRD", enrolled: true,
    flags: [{ category: "CAUTION", kind: "BIPOLAR_WITHOUT_MOOD_STABILIZER", note: "Bipolar II disorder; no mood stabilizer on the medication list" }],
    meds: [["Bupropion XL 300 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [20, 16, 13], doses: [56, 84, 84] },
  { mrn: "A-1005", firstName: "Eli", lastName: "Navarro", birthDate: "1995-05-08", sex: "MALE", indication: "TRD", enrolled: true,
    flags: [{ category: "CAUTION", kind: "ACTIVE_PSYCHOSIS", note: "Auditory hallucinations reported at intake" }], meds: [["Sertraline 100 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [] },
  { mrn: "A-1006", firstName: "Frances", lastName: "Holt", birthDate: "1969-01-22", sex: "FEMALE", indication: "TRD", enrolled: true,
    flags: [{ category: "CAUTION", kind: "OTHER_CAUTION", note: "Naltrexone on the medication list" }],
    meds: [["Duloxetine 60 mg daily", "ORAL_ANTIDEPRESSANT"], ["Naltrexone 50 mg daily", "OPIOID_ANTAGONIST"], ["Amlodipine 5 mg daily", "ANTIHYPERTENSIVE"]], sessionsDaysAgo: [12, 5], doses: [56, 84] },
  { mrn: "A-1007", firstName: "Gabriel", lastName: "Stone", birthDate: "1990-03-27", sex: "MALE", indication: "MDSI", enrolled: true,
    meds: [["Fluoxetine 40 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [17, 13, 10, 6], doses: [84, 84, 84, 84] },
  { mrn: "A-1008", firstName: "Harper", lastName: "Ellis", birthDate: "1975-12-02", sex: "OTHER", indication: "TRD", enrolled: true,
    flags: [{ category: "CONTRAINDICATION", kind: "ARTERIOVENOUS_MALFORMATION", note: "Cerebral AVM on MRI, 2019" }], meds: [["Mirtazapine 30 mg nightly", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [] },
  { mrn: "A-1009", firstName: "Indira", lastName: "Patel", birthDate: "1982-06-11", sex: "FEMALE", indication: "TRD", enrolled: true,
    meds: [["Sertraline 200 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [8, 4], doses: [56, 56], active: { chair: 0, t0MinutesAgo: 35, doseMg: 56, fortyDone: false } },
  { mrn: "A-1010", firstName: "Jordan", lastName: "Kim", birthDate: "1972-10-05", sex: "MALE", indication: "TRD", enrolled: true,
    meds: [["Vortioxetine 20 mg daily", "ORAL_ANTIDEPRESSANT"], ["Lisinopril 10 mg daily", "ANTIHYPERTENSIVE"]], sessionsDaysAgo: [30, 23, 16, 9, 2], doses: [56, 84, 84, 84, 84],
    active: { chair: 1, t0MinutesAgo: 125, doseMg: 84, fortyDone: true } },
];

const MORE_NAMES: [string, string, "MALE" | "FEMALE"][] = [
  ["Lucia", "Alvarez", "FEMALE"], ["Marcus", "Bell", "MALE"], ["Nadia", "Chowdhury", "FEMALE"], ["Owen", "Douglas", "MALE"], ["Priscilla", "Evans", "FEMALE"],
  ["Rafael", "Fischer", "MALE"], ["Sofia", "Grant", "FEMALE"], ["Tobias", "Hughes", "MALE"], ["Uma", "Iyer", "FEMALE"], ["Victor", "Jensen", "MALE"],
  ["Wendy", "Lopez", "FEMALE"], ["Xavier", "Murphy", "MALE"], ["Yara", "Nguyen", "FEMALE"], ["Zane", "Olsen", "MALE"], ["Amara", "Price", "FEMALE"],
];
export const MORE_OUT_A: PatientSpec[] = MORE_NAMES.map(([firstName, lastName, sex], i) => ({
  mrn: `A-${1011 + i}`, firstName, lastName, sex, birthDate: `${1960 + i * 2}-0${1 + (i % 9)}-1${i % 9}`, indication: "TRD", enrolled: true,
  meds: [["Sertraline 100 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [],
}));

export const IN_B_PATIENTS: PatientSpec[] = [
  { mrn: "B-2001", firstName: "Kai", lastName: "Bennett", birthDate: "1993-08-16", sex: "MALE", indication: "MDSI", enrolled: false, meds: [["Sertraline 100 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [3], doses: [84] },
  { mrn: "B-2002", firstName: "Logan", lastName: "Reyes", birthDate: "1986-04-29", sex: "FEMALE", indication: "TRD", enrolled: false, meds: [["Paroxetine 40 mg daily", "ORAL_ANTIDEPRESSANT"]], sessionsDaysAgo: [] },
];
