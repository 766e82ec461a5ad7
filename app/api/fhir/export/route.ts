import { z } from "zod";
import { recordAudit } from "@/lib/audit/data";
import { db } from "@/lib/db/client";
import { fhirReader } from "@/lib/fhir/access";
import { countExportSessions } from "@/lib/fhir/data";
import { exportRange, ndjsonStream } from "@/lib/fhir/export";
import { EXPORT_TYPES, fhirExportQuerySchema } from "@/lib/fhir/export-schema";
import { invalidInput, notFoundError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

/**
 * GET /api/fhir/export?site=&from=&to=            → { sessions, types }: what the export will hold (the UI's progress)
 * GET /api/fhir/export?site=&from=&to=&type=Observation → that resource type as NDJSON, streamed; audited.
 * Administrators of the site (nurses and psychiatrists 403) or an API token of the site.
 */
export const GET = route(async (req: Request) => {
  const q = fhirExportQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  const siteId = new URL(req.url).searchParams.get("site") ?? "";
  const scope = { siteId, entityType: "Site", entityId: siteId };
  if (!q.success) {
    await fhirReader(req, "fhir.export", scope).catch((e) => {
      if (e.status !== 404) throw e;
    }); // 401/403 before 422
    throw invalidInput(z.flattenError(q.error).fieldErrors as Record<string, string[]>);
  }
  const actor = await fhirReader(req, "fhir.export", scope);
  const site = await db().site.findUnique({ where: { id: siteId }, select: { timeZone: true } });
  if (!site) throw notFoundError("Site");
  const { start, end } = exportRange(q.data.from, q.data.to, site.timeZone);
  // Every use is audited, the count before an export too (it says how many sessions a range holds).
  await recordAudit({
    actor,
    action: q.data.type ? "fhir.export" : "fhir.export_count",
    entityType: "Site",
    entityId: siteId,
    siteId,
    after: { type: q.data.type ?? null, from: q.data.from, to: q.data.to, via: actor.via },
  });
  if (!q.data.type) return Response.json({ ok: true, data: { sessions: await countExportSessions(siteId, start, end), types: EXPORT_TYPES } });
  return new Response(ndjsonStream(siteId, start, end, q.data.type), {
    headers: {
      "content-type": "application/fhir+ndjson",
      "content-disposition": `attachment; filename="${q.data.type}-${q.data.from}-to-${q.data.to}.ndjson"`,
      "cache-control": "no-store",
    },
  });
});
