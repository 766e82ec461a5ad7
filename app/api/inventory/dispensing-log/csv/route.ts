import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/data";
import { invalidInput } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { dispensingCsvStream } from "@/lib/inventory/data";
import { dispensingLogQuerySchema } from "@/lib/inventory/schema";

/** GET ?siteId&from&to — the controlled-substance dispensing log as CSV; administrators of the site; the export is audited. */
export const GET = route(async (req) => {
  await authorizeRequest("inventory.manage");
  const q = dispensingLogQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw invalidInput(z.flattenError(q.error).fieldErrors as Record<string, string[]>);
  const user = await authorizeRequest("inventory.manage", { siteId: q.data.siteId, entityType: "Site", entityId: q.data.siteId });
  const timeZone = user.sites.find((s) => s.id === q.data.siteId)!.timeZone;
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "inventory.dispensing_log.export",
    entityType: "DeviceAdministration",
    siteId: q.data.siteId,
    after: { format: "csv", ...q.data },
  });
  return new Response(dispensingCsvStream(q.data, timeZone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="dispensing-log-${q.data.from}-to-${q.data.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
