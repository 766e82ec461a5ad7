import { auditCsvStream, auditScopeFor, recordAudit } from "@/lib/audit/data";
import { anchorAuditChain } from "@/lib/audit/anchors";
import { auditFilterSchema } from "@/lib/audit/schema";
import { endpoint } from "@/lib/http/endpoint";

/**
 * GET /api/admin/audit/export?<the viewer's filters> — the audit log of the administrator's sites as CSV; the export
 * is itself audited, and the chain's head (the export's own audit row) is anchored (header X-Audit-Anchor).
 */
export const GET = endpoint({ action: "audit.read", query: auditFilterSchema }, async ({ user, query: filter }) => {
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "audit.export", entityType: "AuditEvent", after: filter });
  const anchor = await anchorAuditChain({ reason: "export", actorId: user.id });
  return new Response(auditCsvStream(filter, await auditScopeFor(user)), {
    headers: {
      ...(anchor ? { "x-audit-anchor": `${anchor.id} row=${anchor.auditId} hash=${anchor.hash}` } : {}),
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log.csv"`,
      "cache-control": "no-store",
    },
  });
});
