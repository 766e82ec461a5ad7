import { authorizeRequest } from "@/lib/auth/authorize";
import { auditCsvStream, auditScopeFor, recordAudit } from "@/lib/audit/data";
import { auditFilterSchema } from "@/lib/audit/schema";
import { route } from "@/lib/http/route";

/** GET /api/admin/audit/export?<the viewer's filters> — the audit log of the administrator's sites as CSV; the export is itself audited. */
export const GET = route(async (req) => {
  const user = await authorizeRequest("audit.read");
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "audit.export", entityType: "AuditEvent", after: filter });
  return new Response(auditCsvStream(filter, await auditScopeFor(user)), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-log.csv"`, "cache-control": "no-store" },
  });
});
