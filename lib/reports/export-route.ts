import "server-only";
import { authorizeRequest } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/audit/data";
import { route } from "@/lib/http/route";
import { siteDay } from "@/lib/time/days";

type Scope = { siteIds: string[]; user: CurrentUser };

/**
 * A report's CSV download: administrators only; a `site` outside the user's sites is a 404. GET streams
 * the file (audited as an export); HEAD answers the expected row count in `x-row-count` for the progress bar.
 */
export function csvExportRoute<Q extends { site?: string }>(o: {
  name: string;
  entityType: string;
  parse: (params: Record<string, string>) => Q;
  count: (siteIds: string[], q: Q) => Promise<number>;
  stream: (siteIds: string[], q: Q) => ReadableStream<Uint8Array>;
}) {
  const scope = async (req: Request): Promise<Scope & { q: Q }> => {
    await authorizeRequest("reports.export");
    const q = o.parse(Object.fromEntries(new URL(req.url).searchParams));
    const user = q.site
      ? await authorizeRequest("reports.export", { siteId: q.site, entityType: "Site", entityId: q.site })
      : await authorizeRequest("reports.export");
    return { user, q, siteIds: q.site ? [q.site] : user.siteIds };
  };
  const headers = { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" };
  return {
    HEAD: route(async (req: Request) => {
      const { q, siteIds } = await scope(req);
      return new Response(null, { headers: { ...headers, "x-row-count": String(await o.count(siteIds, q)) } });
    }),
    GET: route(async (req: Request) => {
      const { user, q, siteIds } = await scope(req);
      await recordAudit({
        actor: { id: user.id, email: user.email, role: user.role },
        action: "report.export",
        entityType: o.entityType,
        siteId: q.site ?? null,
        after: { format: "csv", report: o.name, ...q },
      });
      return new Response(o.stream(siteIds, q), {
        headers: { ...headers, "content-disposition": `attachment; filename="${o.name}-${siteDay(new Date(), "UTC")}.csv"` },
      });
    }),
  };
}
