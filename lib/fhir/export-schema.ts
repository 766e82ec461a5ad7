import { z } from "zod";
import { calendarDay } from "@/lib/http/fields";

/** The resource types of a bulk export, one NDJSON file each (FHIR Bulk Data style). */
export const EXPORT_TYPES = [
  "Patient",
  "Practitioner",
  "Organization",
  "Location",
  "Encounter",
  "MedicationAdministration",
  "Observation",
  "QuestionnaireResponse",
  "AdverseEvent",
  "Provenance",
] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** The selection of a bulk export: a site and a range of its calendar days (sessions checked in on those days). */
export const fhirExportQuerySchema = z
  .object({
    site: z.string({ error: "Choose a site" }).min(1, "Choose a site").max(64),
    from: calendarDay("Use a date (YYYY-MM-DD)"),
    to: calendarDay("Use a date (YYYY-MM-DD)"),
    type: z.enum(EXPORT_TYPES, { error: "Unknown resource type" }).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });
export type FhirExportQuery = z.infer<typeof fhirExportQuerySchema>;
