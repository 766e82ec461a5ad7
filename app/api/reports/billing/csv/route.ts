import { billingCsvStream, billingSessionCount } from "@/lib/billing/data";
import { billingExportQuerySchema } from "@/lib/billing/schema";
import { csvExportRoute } from "@/lib/reports/export-route";

/** GET (download) and HEAD (session count) /api/reports/billing/csv?site=&from=&to= — dates of service, site calendar. */
export const { GET, HEAD } = csvExportRoute({
  name: "billing",
  entityType: "TreatmentSession",
  count: billingSessionCount,
  stream: billingCsvStream,
  query: billingExportQuerySchema,
});
