import { z } from "zod";
import { calendarDay, REMS_START, text } from "@/lib/http/fields";
import { listParamsSchema } from "@/lib/tables/list-query";
import { latestDayOnEarth } from "@/lib/time/days";

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z.string().regex(isoDate).optional().catch(undefined);

/** Filters of the adverse-event log (query string of the page and the CSV); malformed values are dropped. */
export const aeLogQuerySchema = z.object({
  site: z.string().max(60).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  type: z.enum(["SEDATION", "DISSOCIATION", "RESPIRATORY_DEPRESSION", "HYPERTENSION", "OTHER"]).optional().catch(undefined),
  serious: z.enum(["1"]).optional().catch(undefined),
  // Open report tasks always lead; the rest by onset, newest first by default.
  ...listParamsSchema(["onset"], { key: "onset", dir: "desc" }).shape,
});
export type AeLogQuery = Partial<z.infer<typeof aeLogQuerySchema>>;

/** The latest calendar date anywhere on Earth now (UTC+14): a date after it is in the future wherever the clinic is. */
export const latestDateNow = () => latestDayOnEarth(new Date());

/** R41: the "reported to REMS" task — the date the event was reported and the REMS reference number. */
export const reportedToRemsSchema = z.object({
  version: z.number().int(),
  reportedOn: calendarDay("Enter the date it was reported", { min: REMS_START, max: latestDateNow }),
  reference: text("Enter the REMS reference number")
    .trim()
    .min(3, "Enter the REMS reference number (at least 3 characters)")
    .max(80, "Keep the reference under 80 characters")
    .regex(/^(|[A-Za-z0-9][A-Za-z0-9 ._/-]*)$/, "Use letters, digits, spaces and . _ / - only"),
});
export type ReportedToRemsInput = z.input<typeof reportedToRemsSchema>;
