import { recordAudit } from "@/lib/audit/data";
import { anchorAuditChain } from "@/lib/audit/anchors";
import { anchorFile } from "@/lib/audit/anchor";
import { endpoint } from "@/lib/http/endpoint";

/**
 * GET /api/admin/audit/anchor — anchors the head of the audit chain now (the download's own audit row
 * included) and returns the signed anchor as a JSON file for the administrator to keep outside the
 * database; `npm run audit:verify -- <file>` checks the database against it later.
 */
export const GET = endpoint({ action: "audit.read" }, async ({ user }) => {
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "audit.anchor_download", entityType: "AuditAnchor" });
  const anchor = (await anchorAuditChain({ reason: "download", actorId: user.id }))!; // never null: the row above exists
  return new Response(`${JSON.stringify(anchorFile(anchor), null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="audit-anchor-${anchor.id}.json"`,
      "cache-control": "no-store",
    },
  });
});
