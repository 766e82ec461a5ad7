import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/data";
import { invalidInput } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { pmfCsvStream } from "@/lib/pmf/export";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD)");
const querySchema = z.object({ siteId: z.string().min(1, "Choose a site"), from: date, to: date, status: z.enum(["DRAFT", "READY", "SUBMITTED"]).optional() })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "The end date is before the start date" });

/** GET /api/reports/pmf/csv?siteId=&from=&to=[&status=] — administrators only, audited, streamed. */
export const GET = route(async (req) => {
  await authorizeRequest("reports.export");
  const q = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!q.success) throw invalidInput(z.flattenError(q.error).fieldErrors as Record<string, string[]>);
  const user = await authorizeRequest("reports.export", { siteId: q.data.siteId, entityType: "Site", entityId: q.data.siteId });
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "report.export", entityType: "PatientMonitoringForm", siteId: q.data.siteId, after: { format: "csv", ...q.data } });
  return new Response(pmfCsvStream(q.data), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pmf-${q.data.from}-to-${q.data.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
