import { z } from "zod";
import { PAYER_TYPES } from "@/lib/billing/schema";
import { isCalendarDay, latestDayNow, text } from "@/lib/http/fields";
import { yearsBefore } from "@/lib/time/days";
import { ADULT_MESSAGE } from "./age-rules";

/** Query of the patient list; anything malformed falls back to defaults, never an error page. */
export const patientListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .catch(1)
    .transform((v) => v ?? 1),
  site: z.string().max(60).optional().catch(undefined),
});
export type PatientListQuery = z.infer<typeof patientListQuerySchema>;

// What is possible: 18 or older on the latest calendar day anywhere (UTC+14). The exact check, on the site's own
// calendar day, is made by the server when the patient is saved (lib/patients/age-rules.ts).
const today = latestDayNow;

/** A patient's identity as the Patient Monitoring Form asks it (rows 1–5), their contact and indication. */
const demographicsSchema = z.object({
  mrn: text("Enter the medical record number")
    .trim()
    .min(1, "Enter the medical record number")
    .max(30, "At most 30 characters")
    .regex(/^[A-Za-z0-9-]+$/, "Letters, digits and dashes only"),
  firstName: text("Enter the first name").trim().min(1, "Enter the first name").max(80),
  middleInitial: text()
    .trim()
    .max(1, "One letter")
    .regex(/^[A-Za-z]?$/, "One letter")
    .optional()
    .default(""),
  lastName: text("Enter the last name").trim().min(1, "Enter the last name").max(80),
  // Checked on the field itself, so the message shows even while other fields are still empty.
  // A real calendar day (1980-02-30 is not), not in the future, not before 1900 nor more than 120 years ago.
  birthDate: z
    .string({ message: "Enter the date of birth" })
    .refine(isCalendarDay, "Enter the date of birth")
    .refine((d) => !isCalendarDay(d) || d <= today(), "The date of birth is in the future")
    .refine((d) => !isCalendarDay(d) || d > today() || d <= yearsBefore(today(), 18), ADULT_MESSAGE)
    .refine((d) => !isCalendarDay(d) || (d >= "1900-01-01" && d >= yearsBefore(today(), 120)), "Check the year of birth"),
  sex: z.enum(["MALE", "FEMALE", "OTHER"], { message: "Choose the sex" }),
  phone: text()
    .trim()
    .max(40)
    .regex(/^[+()\d\s.-]*$/, "Digits, spaces and + ( ) - only")
    .optional()
    .default(""),
  email: z
    .union([z.literal(""), text().pipe(z.email("Enter an email address like name@example.com").max(254, "At most 254 characters"))])
    .optional()
    .default(""),
  indication: z.enum(["TRD", "MDSI"], { message: "Choose the indication" }),
  // Who pays: selects the session's billing codes (lib/billing). "" = not recorded yet.
  primaryPayerType: z
    .enum([...PAYER_TYPES, ""], { message: "Choose the payer type" })
    .optional()
    .default(""),
});

export type DemographicsInput = z.input<typeof demographicsSchema>;

export const newPatientSchema = demographicsSchema.extend({
  siteId: text("Choose the site").min(1, "Choose the site"),
});
export type NewPatientInput = z.input<typeof newPatientSchema>;

/** Editing a registered patient's demographics: the same fields (the site is a transfer, not an edit), and the version read. */
export const editPatientSchema = demographicsSchema.extend({
  version: z.number({ message: "Reload the page: the form has no version" }).int().min(1),
});
export type EditPatientInput = z.input<typeof editPatientSchema>;
export type EditPatient = z.output<typeof editPatientSchema>;

export const CONTRAINDICATION_KINDS = [
  "ANEURYSMAL_VASCULAR_DISEASE",
  "ARTERIOVENOUS_MALFORMATION",
  "INTRACEREBRAL_HEMORRHAGE_HISTORY",
  "HYPERSENSITIVITY",
] as const;
export const CAUTION_KINDS = [
  "PREGNANCY",
  "BREASTFEEDING",
  "PSYCHOSIS_HISTORY",
  "ACTIVE_PSYCHOSIS",
  "SUBSTANCE_USE_DISORDER",
  "HYPERTENSIVE_ENCEPHALOPATHY",
  "BIPOLAR_WITHOUT_MOOD_STABILIZER",
  "OTHER_CAUTION",
] as const;

/** R8, R9: a flag's category follows from its kind (REMS.md §2.6 contraindications; the rest are cautions). */
export const flagCategory = (kind: string) => ((CONTRAINDICATION_KINDS as readonly string[]).includes(kind) ? "CONTRAINDICATION" : "CAUTION");

export const addFlagSchema = z.object({
  kind: z.enum([...CONTRAINDICATION_KINDS, ...CAUTION_KINDS], { message: "Choose the contraindication or caution" }),
  note: text().trim().max(500).optional().default(""),
});
export type AddFlagInput = z.input<typeof addFlagSchema>;

/** R8: removing a flag needs the prescriber's reason, kept in the record and the audit trail. */
export const removeFlagSchema = z.object({
  reason: text("Give the clinical reason").trim().min(5, "Give the clinical reason (at least 5 characters)").max(1000),
});
export type RemoveFlagInput = z.input<typeof removeFlagSchema>;
