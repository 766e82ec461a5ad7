import { z } from "zod";
import { addDays } from "@/lib/time/days";

const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Site and treatment-date range of a report page (query string); malformed values are dropped, defaults fill the gaps. */
export const rangeQuerySchema = z.object({ site: z.string().max(60).optional().catch(undefined), from: optionalDate, to: optionalDate });
export type RangeQuery = z.infer<typeof rangeQuerySchema>;

/** The range a page shows: the given dates, else the 60 days up to today; from after to is swapped rather than refused. */
export function effectiveRange(q: RangeQuery, today: string, days = 60): { from: string; to: string } {
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -days);
  return from <= to ? { from, to } : { from: to, to: from };
}
