import { aeCount, aeCsvStream } from "@/lib/reports/adverse-events";
import { aeLogQuerySchema } from "@/lib/reports/adverse-events-schema";
import { csvExportRoute } from "@/lib/reports/export-route";

/** GET (download) and HEAD (row count) /api/reports/adverse-events/csv?site=&from=&to=&serious=1 */
export const { GET, HEAD } = csvExportRoute({
  name: "adverse-events",
  entityType: "AdverseEvent",
  query: aeLogQuerySchema,
  count: aeCount,
  stream: aeCsvStream,
});
