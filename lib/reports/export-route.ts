import "server-only";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/data";
import { atSite, endpoint, type EndpointSpec } from "@/lib/http/endpoint";
import { siteDay } from "@/lib/time/days";

/**
 * A report's CSV download: administrators only; a `site` outside the user's sites is a 404. GET streams
 * the file (audited as an export); HEAD answers the expected row count in `x-row-count` for the progress bar.
 */
export function csvExportRoute<Q extends { site?: string }>(o: {
  name: string;
  entityType: string;
  query: z.ZodType<Q>;
  count: (siteIds: string[], q: Q) => Promise<number>;
  stream: (siteIds: string[], q: Q) => ReadableStream<Uint8Array>;
}) {
  const spec: EndpointSpec<undefined, z.ZodType<Q>> = {
    action: "reports.export",
    query: o.query,
    siteOf: async ({ query }) => (query.site ? atSite(query.site) : {}),
  };
  const siteIdsOf = (user: CurrentUser, q: Q) => (q.site ? [q.site] : user.siteIds);
  const headers = { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" };
  return {
    HEAD: endpoint(
      spec,
      async ({ user, query }) => new Response(null, { headers: { ...headers, "x-row-count": String(await o.count(siteIdsOf(user, query), query)) } }),
    ),
    GET: endpoint(spec, async ({ user, query }) => {
      await recordAudit({
        actor: { id: user.id, email: user.email, role: user.role },
        action: "report.export",
        entityType: o.entityType,
        siteId: query.site ?? null,
        after: { format: "csv", report: o.name, ...query },
      });
      return new Response(o.stream(siteIdsOf(user, query), query), {
        headers: { ...headers, "content-disposition": `attachment; filename="${o.name}-${siteDay(new Date(), "UTC")}.csv"` },
      });
    }),
  };
}
