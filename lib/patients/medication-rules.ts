// The medication list read by the rules: which medicines are in force on a day, and what they answer
// for the pre-dose checklist and the PMF's concomitant-medication questions (REMS.md §1.5 rows 8–12, R16).
// Pure: no I/O.

export const DRUG_CLASSES = [
  "BENZODIAZEPINE",
  "SEDATIVE_HYPNOTIC",
  "OPIOID",
  "PSYCHOSTIMULANT",
  "MAOI",
  "ORAL_ANTIDEPRESSANT",
  "OPIOID_ANTAGONIST",
  "NASAL_CORTICOSTEROID",
  "NASAL_DECONGESTANT",
  "MOOD_STABILIZER",
  "ANTIPSYCHOTIC",
  "ANTIHYPERTENSIVE",
  "OTHER",
] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

export const DRUG_CLASS_LABEL: Record<DrugClass, string> = {
  BENZODIAZEPINE: "Benzodiazepine",
  SEDATIVE_HYPNOTIC: "Sedative hypnotic (non-benzodiazepine)",
  OPIOID: "Opioid",
  PSYCHOSTIMULANT: "Psychostimulant",
  MAOI: "MAO inhibitor",
  ORAL_ANTIDEPRESSANT: "Oral antidepressant",
  OPIOID_ANTAGONIST: "Opioid antagonist (naltrexone)",
  NASAL_CORTICOSTEROID: "Nasal corticosteroid",
  NASAL_DECONGESTANT: "Nasal decongestant",
  MOOD_STABILIZER: "Mood stabilizer",
  ANTIPSYCHOTIC: "Antipsychotic",
  ANTIHYPERTENSIVE: "Antihypertensive",
  OTHER: "Other",
};
export const drugClassLabel = (c: string) => DRUG_CLASS_LABEL[c as DrugClass] ?? c.toLowerCase().replaceAll("_", " ");

/** Dates are site-local calendar days, YYYY-MM-DD (string order is date order). */
export type MedicationFact = { name: string; drugClass: string; startedOn: string | null; stoppedOn: string | null };

/** In force on `day`: started on or before it (an unknown start counts as long before) and not yet stopped (the stop day is the first day without it). */
export const inForceOn = (m: Pick<MedicationFact, "startedOn" | "stoppedOn">, day: string) =>
  (!m.startedOn || m.startedOn <= day) && (!m.stoppedOn || m.stoppedOn > day);

export const medicationsInForce = <M extends MedicationFact>(meds: M[], day: string): M[] => meds.filter((m) => inForceOn(m, day));

/** The checklist's concomitant-medication answers (R16) and the classes that answer each. */
export const CONMED_CLASSES = {
  conmedBenzodiazepines: ["BENZODIAZEPINE"],
  conmedSedativeHypnotics: ["SEDATIVE_HYPNOTIC"],
  conmedPsychostimulants: ["PSYCHOSTIMULANT"],
  conmedMaois: ["MAOI"],
  conmedOpioids: ["OPIOID"],
} as const satisfies Record<string, readonly DrugClass[]>;
export type ConmedKey = keyof typeof CONMED_CLASSES;
export type ConmedAnswers = Record<ConmedKey, boolean>;

/** What the medication list answers for each concomitant-medication question, from the classes in force. */
export function conmedAnswersFromClasses(classes: readonly string[]): ConmedAnswers {
  const has = (cs: readonly string[]) => cs.some((c) => classes.includes(c));
  return Object.fromEntries(Object.entries(CONMED_CLASSES).map(([k, cs]) => [k, has(cs)])) as ConmedAnswers;
}

/**
 * A PMF concomitant-medication answer: "Yes" when the list in force on the session date has the class or the
 * nurse answered yes today; "No" only when both say no; nothing until the nurse answered (R16: confirmed each
 * session, never copied silently).
 */
export const pmfConmedAnswer = (confirmed: boolean | null, fromList: boolean): boolean | null => (confirmed == null ? null : confirmed || fromList);

/** Naltrexone on the list (by class or by name, e.g. naltrexone/bupropion filed as an antidepressant). */
export const takesNaltrexone = (meds: Pick<MedicationFact, "name" | "drugClass">[]) =>
  meds.some((m) => m.drugClass === "OPIOID_ANTAGONIST" || /naltrexone/i.test(m.name));
