import "server-only";
import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/data";
import { invalidInput } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { pmfFormCount, type PmfExportFilter } from "./export";
import { pmfExportQuerySchema } from "./report-query";

async function selection(req: Request) {
  await authorizeRequest("reports.export");
  const q = pmfExportQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw invalidInput(z.flattenError(q.error).fieldErrors as Record<string, string[]>);
  const user = await authorizeRequest("reports.export", { siteId: q.data.siteId, entityType: "Site", entityId: q.data.siteId });
  return { user, q };
}

/** HEAD of a batch export: the number of forms it will hold, in `x-row-count` (the download's progress); not an export, not audited. */
export const pmfExportHead = () =>
  route(async (req: Request) => {
    const { q } = await selection(req);
    return new Response(null, { headers: { "x-row-count": String(await pmfFormCount(q.data)), "cache-control": "no-store" } });
  });

/** A batch export route: administrators of the chosen site only, audited, streamed as a download. */
export function pmfExportRoute(format: "csv" | "pdf", contentType: string, body: (q: PmfExportFilter) => ReadableStream<Uint8Array>) {
  return route(async (req) => {
    const { user, q } = await selection(req);
    await recordAudit({
      actor: { id: user.id, email: user.email, role: user.role },
      action: "report.export",
      entityType: "PatientMonitoringForm",
      siteId: q.data.siteId,
      after: { format, ...q.data },
    });
    return new Response(body(q.data), {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="pmf-${q.data.from}-to-${q.data.to}.${format}"`,
        "cache-control": "no-store",
      },
    });
  });
}
