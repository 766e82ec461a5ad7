// Who the demo patients are (the seed contract: e2e tests find them by MRN and name).
// Days are counted back from the site-local date of the seed run; sessions are twice a week
// (gaps of 3 and 4 days, like Mon/Thu). PMFs: older than 10 days submitted, the rest drafts, so the
// only overdue form is Jordan Kim's 9-day-old one (no other session is 8–10 days old).
import type { DrugClass, FlagCategory, FlagKind, Indication, Sex } from "../../lib/generated/prisma/enums";

export type Med = [name: string, drugClass: DrugClass];
export type Flag = { category: FlagCategory; kind: FlagKind; note: string };
/** A completed past session: days before today (site-local) and the dose. */
export type Past = [daysAgo: number, doseMg: 56 | 84];

/** A reading during a session in progress, `minute` minutes (and 20 s) after the first device; MOAA/S and dissociation 40 s later. */
export type Observation = { minute: number; kind: "POST_40" | "EXTRA"; bp: [number, number]; heartRate: number; moaas?: number; dissociation?: boolean };

export type PatientSpec = {
  mrn: string;
  firstName: string;
  middleInitial?: string;
  lastName: string;
  sex: Sex;
  /** Age at the seed run and birthday (MM-DD): birth dates move with the clock, so everyone stays an adult of that age. */
  age: number;
  birthday: string;
  indication: Indication;
  /** Enrolled in the REMS (outpatient only; inpatients never are). */
  enrolled: boolean;
  /** Registration day for patients without sessions (with sessions: 9 days before the first). */
  registeredDaysAgo?: number;
  flags?: Flag[];
  meds: Med[];
  past?: Past[];
  /** A session in progress: chair, first device this many minutes before the seed run, pre-dose BP, and what was observed since. */
  active?: { chair: string; t0MinutesAgo: number; doseMg: 56 | 84; preDose: [number, number]; observed: Observation[] };
  /** Ride home: driver's name and phone. */
  driver?: [name: string, phone: string];
  /** Index in `past` of the session with a 146/92 pre-dose BP and an R14 PROCEED decision. */
  elevatedPreDoseAt?: number;
  /** Index in `past` of the session with a (non-serious, resolved) dissociation adverse event. */
  dissociationEventAt?: number;
  madrs?: boolean;
};

const AD = "ORAL_ANTIDEPRESSANT" as const;

export const OUT_A_DETAILED: PatientSpec[] = [
  {
    mrn: "A-1001",
    firstName: "Avery",
    lastName: "Quinn",
    sex: "FEMALE",
    age: 34,
    birthday: "02-14",
    indication: "TRD",
    enrolled: false,
    registeredDaysAgo: 12,
    meds: [["Sertraline 150 mg daily", AD]],
  },
  {
    mrn: "A-1002",
    firstName: "Blake",
    lastName: "Morgan",
    sex: "MALE",
    age: 47,
    birthday: "09-03",
    indication: "TRD",
    enrolled: true,
    registeredDaysAgo: 4,
    meds: [
      ["Escitalopram 20 mg daily", AD],
      ["Trazodone 50 mg at bedtime", AD],
    ],
  },
  {
    mrn: "A-1003",
    firstName: "Casey",
    middleInitial: "R",
    lastName: "Rivera",
    sex: "FEMALE",
    age: 42,
    birthday: "07-19",
    indication: "TRD",
    enrolled: true,
    meds: [
      ["Venlafaxine XR 225 mg daily", AD],
      ["Lorazepam 0.5 mg as needed", "BENZODIAZEPINE"],
    ],
    past: [
      [32, 56],
      [28, 56],
      [25, 84],
      [21, 84],
      [18, 84],
      [14, 84],
      [11, 84],
      [7, 84],
    ],
    driver: ["Miguel Rivera (husband)", "518-555-0185"],
    elevatedPreDoseAt: 4,
    dissociationEventAt: 2,
    madrs: true,
  },
  {
    mrn: "A-1004",
    firstName: "Dana",
    lastName: "Okafor",
    sex: "FEMALE",
    age: 37,
    birthday: "11-30",
    indication: "TRD",
    enrolled: true,
    flags: [{ category: "CAUTION", kind: "BIPOLAR_WITHOUT_MOOD_STABILIZER", note: "Bipolar II disorder; no mood stabilizer on the medication list" }],
    meds: [["Bupropion XL 300 mg daily", AD]],
    past: [
      [11, 56],
      [7, 84],
      [4, 84],
    ],
    driver: ["Chidi Okafor (brother)", "518-555-0186"],
  },
  {
    mrn: "A-1005",
    firstName: "Eli",
    lastName: "Navarro",
    sex: "MALE",
    age: 29,
    birthday: "05-08",
    indication: "TRD",
    enrolled: true,
    registeredDaysAgo: 9,
    flags: [{ category: "CAUTION", kind: "ACTIVE_PSYCHOSIS", note: "Auditory hallucinations reported at intake" }],
    meds: [["Sertraline 100 mg daily", AD]],
  },
  {
    mrn: "A-1006",
    firstName: "Frances",
    lastName: "Holt",
    sex: "FEMALE",
    age: 57,
    birthday: "01-22",
    indication: "TRD",
    enrolled: true,
    flags: [{ category: "CAUTION", kind: "OTHER_CAUTION", note: "Naltrexone on the medication list" }],
    meds: [
      ["Duloxetine 60 mg daily", AD],
      ["Naltrexone 50 mg daily", "OPIOID_ANTAGONIST"],
      ["Amlodipine 5 mg daily", "ANTIHYPERTENSIVE"],
    ],
    past: [
      [5, 56],
      [1, 84],
    ],
    driver: ["Ruth Holt (daughter)", "518-555-0187"],
  },
  {
    mrn: "A-1007",
    firstName: "Gabriel",
    lastName: "Stone",
    sex: "MALE",
    age: 36,
    birthday: "03-27",
    indication: "MDSI",
    enrolled: true,
    meds: [["Fluoxetine 40 mg daily", AD]],
    past: [
      [14, 84],
      [11, 84],
      [7, 84],
      [4, 84],
    ],
    driver: ["Lyft (booked by clinic)", "518-555-0188"],
  },
  {
    mrn: "A-1008",
    firstName: "Harper",
    lastName: "Ellis",
    sex: "OTHER",
    age: 50,
    birthday: "12-02",
    indication: "TRD",
    enrolled: true,
    registeredDaysAgo: 15,
    flags: [{ category: "CONTRAINDICATION", kind: "ARTERIOVENOUS_MALFORMATION", note: "Cerebral AVM on MRI, 2019" }],
    meds: [
      ["Mirtazapine 30 mg at bedtime", AD],
      ["Escitalopram 10 mg daily", AD],
    ],
  },
  {
    mrn: "A-1009",
    firstName: "Indira",
    lastName: "Patel",
    sex: "FEMALE",
    age: 44,
    birthday: "06-11",
    indication: "TRD",
    enrolled: true,
    meds: [["Sertraline 200 mg daily", AD]],
    past: [
      [7, 56],
      [4, 56],
    ],
    driver: ["Arjun Patel (husband)", "518-555-0189"],
    active: { chair: "Chair 1", t0MinutesAgo: 35, doseMg: 56, preDose: [128, 80], observed: [] },
  },
  {
    mrn: "A-1010",
    firstName: "Jordan",
    lastName: "Kim",
    sex: "MALE",
    age: 54,
    birthday: "10-05",
    indication: "TRD",
    enrolled: true,
    meds: [
      ["Vortioxetine 20 mg daily", AD],
      ["Lisinopril 10 mg daily", "ANTIHYPERTENSIVE"],
    ],
    past: [
      [20, 56],
      [16, 84],
      [13, 84],
      [9, 84],
      [6, 84],
    ],
    driver: ["Sun Kim (wife)", "518-555-0190"],
    // e2e/chair-board.spec.ts expects "recorded 152/90 at 41 min" and "discharge possible now" (no pre-discharge BP yet).
    active: {
      chair: "Chair 2",
      t0MinutesAgo: 125,
      doseMg: 84,
      preDose: [130, 80],
      observed: [
        { minute: 41, kind: "POST_40", bp: [152, 90], heartRate: 80, moaas: 4, dissociation: true },
        { minute: 61, kind: "EXTRA", bp: [144, 86], heartRate: 76 },
        { minute: 100, kind: "EXTRA", bp: [134, 82], heartRate: 72, moaas: 5, dissociation: false },
      ],
    },
  },
];

const REGIMENS: Med[][] = [
  [["Sertraline 100 mg daily", AD]],
  [
    ["Escitalopram 20 mg daily", AD],
    ["Trazodone 50 mg at bedtime", AD],
  ],
  [
    ["Duloxetine 60 mg daily", AD],
    ["Clonazepam 0.5 mg twice daily", "BENZODIAZEPINE"],
  ],
  [
    ["Bupropion XL 300 mg daily", AD],
    ["Lisinopril 20 mg daily", "ANTIHYPERTENSIVE"],
  ],
  [["Venlafaxine XR 150 mg daily", AD]],
  [
    ["Fluoxetine 40 mg daily", AD],
    ["Mirtazapine 15 mg at bedtime", AD],
  ],
  [
    ["Vortioxetine 10 mg daily", AD],
    ["Amlodipine 10 mg daily", "ANTIHYPERTENSIVE"],
  ],
];

// [first, last, sex, age, birthday, indication, registered days ago]
const MORE: [string, string, Sex, number, string, Indication, number][] = [
  ["Lucia", "Alvarez", "FEMALE", 31, "04-12", "TRD", 58],
  ["Marcus", "Bell", "MALE", 45, "08-27", "TRD", 55],
  ["Nadia", "Chowdhury", "FEMALE", 39, "01-09", "TRD", 51],
  ["Owen", "Douglas", "MALE", 62, "06-30", "TRD", 47],
  ["Grace", "Whitfield", "FEMALE", 68, "03-03", "TRD", 44],
  ["Rafael", "Fischer", "MALE", 27, "10-18", "MDSI", 40],
  ["Sofia", "Lindqvist", "FEMALE", 52, "12-21", "TRD", 36],
  ["Tobias", "Hughes", "MALE", 33, "02-02", "TRD", 33],
  ["Uma", "Iyer", "FEMALE", 41, "09-14", "TRD", 29],
  ["Victor", "Jensen", "MALE", 59, "05-25", "TRD", 26],
  ["Wendy", "Lopez", "FEMALE", 24, "07-07", "MDSI", 22],
  ["Desmond", "Murphy", "MALE", 48, "11-11", "TRD", 18],
  ["Yara", "Nguyen", "FEMALE", 35, "08-08", "TRD", 14],
  ["Theo", "Olsen", "MALE", 66, "04-29", "TRD", 10],
  ["Amara", "Price", "FEMALE", 26, "01-31", "TRD", 6],
];

/**
 * A 40-session course ending 12 days ago: induction twice weekly (8 sessions), then weekly. It shows the
 * psychiatrist's course and outcome charts at the size the issue asks them to stay readable at.
 */
function longCourse(lastDaysAgo: number): Past[] {
  const gaps = [3, 4, 3, 4, 3, 4, 3, ...Array<number>(32).fill(7)];
  let daysAgo = lastDaysAgo + gaps.reduce((a, b) => a + b, 0);
  const course: Past[] = [[daysAgo, 56]];
  gaps.forEach((gap, i) => {
    daysAgo -= gap;
    course.push([daysAgo, i < 1 ? 56 : 84]);
  });
  return course;
}

export const OUT_A_MORE: PatientSpec[] = MORE.map(([firstName, lastName, sex, age, birthday, indication, registeredDaysAgo], i) => ({
  mrn: `A-${1011 + i}`,
  firstName,
  lastName,
  sex,
  age,
  birthday,
  indication,
  enrolled: true,
  registeredDaysAgo,
  meds: REGIMENS[i % REGIMENS.length],
  ...(i === 0 ? { past: longCourse(12), driver: ["Diego Alvarez (brother)", "518-555-0191"] as [string, string], madrs: true } : {}),
}));

export const IN_B_PATIENTS: PatientSpec[] = [
  {
    mrn: "B-2001",
    firstName: "Kai",
    lastName: "Bennett",
    sex: "MALE",
    age: 32,
    birthday: "08-16",
    indication: "MDSI",
    enrolled: false,
    meds: [
      ["Sertraline 100 mg daily", AD],
      ["Quetiapine 25 mg at bedtime", "ANTIPSYCHOTIC"],
    ],
    past: [[2, 84]],
    driver: ["Jamie Bennett (parent)", "312-555-0190"],
  },
  {
    mrn: "B-2002",
    firstName: "Logan",
    lastName: "Reyes",
    sex: "FEMALE",
    age: 40,
    birthday: "04-29",
    indication: "TRD",
    enrolled: false,
    registeredDaysAgo: 1,
    meds: [
      ["Paroxetine 40 mg daily", AD],
      ["Losartan 50 mg daily", "ANTIHYPERTENSIVE"],
    ],
  },
];
