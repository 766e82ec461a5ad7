import "server-only";
import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/data";
import { invalidInput } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import type { PmfExportFilter } from "./export";
import { pmfExportQuerySchema } from "./report-query";

/** A batch export route: administrators of the chosen site only, audited, streamed as a download. */
export function pmfExportRoute(format: "csv" | "pdf", contentType: string, body: (q: PmfExportFilter) => ReadableStream<Uint8Array>) {
  return route(async (req) => {
    await authorizeRequest("reports.export");
    const q = pmfExportQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!q.success) throw invalidInput(z.flattenError(q.error).fieldErrors as Record<string, string[]>);
    const user = await authorizeRequest("reports.export", { siteId: q.data.siteId, entityType: "Site", entityId: q.data.siteId });
    await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "report.export", entityType: "PatientMonitoringForm", siteId: q.data.siteId, after: { format, ...q.data } });
    return new Response(body(q.data), {
      headers: { "content-type": contentType, "content-disposition": `attachment; filename="pmf-${q.data.from}-to-${q.data.to}.${format}"`, "cache-control": "no-store" },
    });
  });
}
