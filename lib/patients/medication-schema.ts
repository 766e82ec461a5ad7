// The medication list and hepatic impairment (R48): isomorphic, shared by the forms and the routes.
// zod says what is possible; "not in the future" is judged on the server against the site's calendar.
import { z } from "zod";
import { DRUG_CLASSES } from "./medication-rules";

const isoDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = (message: string) => z.string({ message }).trim().refine(isoDay, message);
const optionalDay = z
  .string()
  .trim()
  .refine((s) => s === "" || isoDay(s), "Enter a date")
  .optional()
  .default("");
const version = z.coerce.number({ message: "Reload the page" }).int().min(1, "Reload the page");

const medicationFields = z.object({
  name: z.string({ message: "Enter the medicine's name" }).trim().min(2, "Enter the medicine's name").max(200, "At most 200 characters"),
  drugClass: z.enum(DRUG_CLASSES, { message: "Choose the class" }),
  dose: z.string().trim().max(100, "At most 100 characters").optional().default(""),
  startedOn: day("Enter the date it was started"),
  /** The first day it is no longer taken (empty while it is taken). */
  stoppedOn: optionalDay,
});
const stopNotBeforeStart = (v: { startedOn: string; stoppedOn: string }, ctx: z.RefinementCtx) => {
  if (v.stoppedOn && v.startedOn && v.stoppedOn < v.startedOn)
    ctx.addIssue({ code: "custom", path: ["stoppedOn"], message: "A medicine cannot stop before it started" });
};

export const medicationSchema = medicationFields.superRefine(stopNotBeforeStart);
export type MedicationInput = z.input<typeof medicationSchema>;
export type Medication = z.output<typeof medicationSchema>;

export const medicationEditSchema = medicationFields.extend({ version }).superRefine(stopNotBeforeStart);
export type MedicationEditInput = z.input<typeof medicationEditSchema>;
export type MedicationEdit = z.output<typeof medicationEditSchema>;

export const medicationStopSchema = z.object({ version, stoppedOn: day("Enter the day it was stopped") });
export type MedicationStopInput = z.input<typeof medicationStopSchema>;
export type MedicationStop = z.output<typeof medicationStopSchema>;

export const HEPATIC_LEVELS = ["NONE", "MODERATE", "SEVERE"] as const;
export const hepaticImpairmentSchema = z.object({
  level: z.enum(HEPATIC_LEVELS, { message: "Choose the hepatic impairment" }),
  version,
});
export type HepaticImpairmentInput = z.input<typeof hepaticImpairmentSchema>;
export type HepaticImpairmentChange = z.output<typeof hepaticImpairmentSchema>;
