import { billingCsvStream, billingSessionCount } from "@/lib/billing/data";
import { billingExportQuerySchema } from "@/lib/billing/schema";
import { csvExportRoute } from "@/lib/reports/export-route";
import { invalidInput } from "@/lib/http/errors";
import { z } from "zod";

/** GET (download) and HEAD (session count) /api/reports/billing/csv?site=&from=&to= — dates of service, site calendar. */
export const { GET, HEAD } = csvExportRoute({
  name: "billing",
  entityType: "TreatmentSession",
  count: billingSessionCount,
  stream: billingCsvStream,
  parse: (p) => {
    const r = billingExportQuerySchema.safeParse(p);
    if (!r.success)
      throw invalidInput(z.flattenError(r.error).fieldErrors as Record<string, string[]>, "Choose a range of dates of service (from and to, YYYY-MM-DD).");
    return r.data;
  },
});
