// One row of a patient import (a clinic's spreadsheet, as CSV). The patient's fields are the
// new-patient form's schema; the enrollment columns are optional and go together. Isomorphic.
import { z } from "zod";
import { latestDayNow, optionalCalendarDay, REMS_START, text } from "@/lib/http/fields";
import { newPatientSchema } from "./schema";

// REMS enrollment: a real day, under the REMS (from 2019), not in the future.
const optionalDay = optionalCalendarDay("Enter a date as YYYY-MM-DD", { min: REMS_START, max: latestDayNow, tooLate: "The date is in the future" });
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

export const importRowSchema = newPatientSchema
  .omit({ siteId: true })
  .extend({
    sex: z.preprocess(upper, newPatientSchema.shape.sex),
    indication: z.preprocess(upper, newPatientSchema.shape.indication),
    enrollmentPatientSigned: optionalDay,
    enrollmentPrescriberSigned: optionalDay,
    enrollmentSubmitted: optionalDay,
    enrollmentChannel: z
      .preprocess(upper, z.enum(["", "ONLINE", "FAX"], { message: "ONLINE or FAX" }))
      .optional()
      .default(""),
    enrollmentConfirmation: text().trim().max(60, "At most 60 characters").optional().default(""),
    prescriberEmail: text().trim().toLowerCase().max(254).optional().default(""),
  })
  .superRefine((v, ctx) => {
    const any = v.enrollmentPatientSigned || v.enrollmentPrescriberSigned || v.enrollmentSubmitted || v.enrollmentChannel || v.enrollmentConfirmation;
    if (any && !v.prescriberEmail)
      ctx.addIssue({ code: "custom", path: ["prescriberEmail"], message: "An enrollment needs the prescriber's email (a psychiatrist of the site)" });
    if (v.enrollmentSubmitted && !v.enrollmentChannel)
      ctx.addIssue({ code: "custom", path: ["enrollmentChannel"], message: "Say how the form was submitted: ONLINE or FAX" });
  });
export type ImportRow = z.output<typeof importRowSchema>;

/** The columns, as the import page lists them, with the header names accepted for each (case, spaces and _ ignored). */
export const IMPORT_COLUMNS: { field: keyof ImportRow; header: string; aliases: string[]; required: boolean }[] = [
  { field: "mrn", header: "mrn", aliases: ["mrn", "medicalrecordnumber"], required: true },
  { field: "firstName", header: "first_name", aliases: ["firstname", "givenname"], required: true },
  { field: "middleInitial", header: "middle_initial", aliases: ["middleinitial", "mi"], required: false },
  { field: "lastName", header: "last_name", aliases: ["lastname", "surname", "familyname"], required: true },
  { field: "birthDate", header: "birth_date", aliases: ["birthdate", "dateofbirth", "dob"], required: true },
  { field: "sex", header: "sex", aliases: ["sex"], required: true },
  { field: "indication", header: "indication", aliases: ["indication"], required: true },
  { field: "phone", header: "phone", aliases: ["phone", "telephone"], required: false },
  { field: "enrollmentPatientSigned", header: "enrollment_patient_signed", aliases: ["enrollmentpatientsigned", "patientsigned"], required: false },
  { field: "enrollmentPrescriberSigned", header: "enrollment_prescriber_signed", aliases: ["enrollmentprescribersigned", "prescribersigned"], required: false },
  { field: "enrollmentSubmitted", header: "enrollment_submitted", aliases: ["enrollmentsubmitted", "submitted"], required: false },
  { field: "enrollmentChannel", header: "enrollment_channel", aliases: ["enrollmentchannel", "channel"], required: false },
  {
    field: "enrollmentConfirmation",
    header: "enrollment_confirmation",
    aliases: ["enrollmentconfirmation", "remsconfirmation", "confirmation"],
    required: false,
  },
  { field: "prescriberEmail", header: "prescriber_email", aliases: ["prescriberemail", "prescriber"], required: false },
];

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
