import "server-only";
import { recordAudit } from "@/lib/audit/data";
import { atSite, endpoint } from "@/lib/http/endpoint";
import { pmfFormCount, type PmfExportFilter } from "./export";
import { pmfExportQuerySchema } from "./report-query";

const selection = { action: "reports.export", query: pmfExportQuerySchema, siteOf: ({ query }: { query: PmfExportFilter }) => atSite(query.siteId) } as const;

/** HEAD of a batch export: the number of forms it will hold, in `x-row-count` (the download's progress); not an export, not audited. */
export const pmfExportHead = () =>
  endpoint(selection, async ({ query }) => new Response(null, { headers: { "x-row-count": String(await pmfFormCount(query)), "cache-control": "no-store" } }));

/** A batch export route: administrators of the chosen site only, audited, streamed as a download. */
export function pmfExportRoute(format: "csv" | "pdf", contentType: string, body: (q: PmfExportFilter) => ReadableStream<Uint8Array>) {
  return endpoint(selection, async ({ user, query }) => {
    await recordAudit({
      actor: { id: user.id, email: user.email, role: user.role },
      action: "report.export",
      entityType: "PatientMonitoringForm",
      siteId: query.siteId,
      after: { format, ...query },
    });
    return new Response(body(query), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="pmf-${query.from}-to-${query.to}.${format}"`,
        "cache-control": "no-store",
      },
    });
  });
}
