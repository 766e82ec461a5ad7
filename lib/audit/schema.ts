import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined));

/** Filters of the audit log page (query string); anything malformed is dropped, never an error page. */
export const auditFilterSchema = z.object({
  actor: optionalText,
  entity: optionalText,
  entityId: optionalText,
  patientId: optionalText,
  action: optionalText,
  from: optionalDate,
  to: optionalDate,
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
