import { z } from "zod";
import { optionalInstant, text } from "@/lib/http/fields";
import { listParamsSchema } from "@/lib/tables/list-query";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Filters of the PMF worklist (query string); malformed values are dropped. */
export const worklistQuerySchema = z.object({
  site: z.string().max(60).optional().catch(undefined),
  status: z.enum(["DRAFT", "READY", "SUBMITTED"]).optional().catch(undefined),
  from: date,
  to: date,
  /** A patient's MRN, or the start of their last name. */
  patient: z.string().trim().max(60).optional().catch(undefined),
  // Open forms first, then by due date; only index-backed orders (see the worklist migration).
  ...listParamsSchema(["due"], { key: "due", dir: "asc" }).shape,
});
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

/** R38: the submission record. */
export const submitPmfSchema = z.object({
  version: z.number().int(),
  channel: z.enum(["ONLINE", "FAX"], { message: "Choose online or fax" }),
  confirmation: text("Enter the confirmation number or fax receipt").trim().min(3, "Enter the confirmation number or fax receipt").max(80),
  /** With its offset; not in the future, not before the REMS began; omitted means now. */
  submittedAt: optionalInstant(),
});
export type SubmitPmfInput = z.input<typeof submitPmfSchema>;

/** R38: a correction to a submitted form is an amendment linked to it, with the reason. */
export const amendPmfSchema = z.object({
  version: z.number().int(),
  reason: text("Say what is being corrected and why")
    .trim()
    .min(10, "Say what is being corrected and why (at least 10 characters)")
    .max(500, "Keep the reason under 500 characters"),
});
export type AmendPmfInput = z.input<typeof amendPmfSchema>;
