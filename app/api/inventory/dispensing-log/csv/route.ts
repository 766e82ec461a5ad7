import { recordAudit } from "@/lib/audit/data";
import { atSite, endpoint } from "@/lib/http/endpoint";
import { dispensingCsvStream } from "@/lib/inventory/data";
import { dispensingLogQuerySchema } from "@/lib/inventory/schema";

/** GET ?siteId&from&to — the controlled-substance dispensing log as CSV; administrators of the site; the export is audited. */
export const GET = endpoint(
  { action: "inventory.manage", query: dispensingLogQuerySchema, siteOf: ({ query }) => atSite(query.siteId) },
  async ({ user, query }) => {
    const timeZone = user.sites.find((s) => s.id === query.siteId)!.timeZone;
    await recordAudit({
      actor: { id: user.id, email: user.email, role: user.role },
      action: "inventory.dispensing_log.export",
      entityType: "DeviceAdministration",
      siteId: query.siteId,
      after: { format: "csv", ...query },
    });
    return new Response(dispensingCsvStream(query, timeZone), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="dispensing-log-${query.from}-to-${query.to}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
