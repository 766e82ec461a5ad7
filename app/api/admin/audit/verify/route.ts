import { authorizeRequest } from "@/lib/auth/authorize";
import { describeChainReport, recordAudit, verifyAuditChain } from "@/lib/audit/data";
import { ok, route } from "@/lib/http/route";

export const POST = route(async () => {
  const user = await authorizeRequest("audit.read");
  const report = await verifyAuditChain();
  const gap = report.anchors.gap;
  const result = {
    intact: report.intact,
    rows: report.rows,
    ...(!report.intact && report.firstBroken ? { firstBrokenId: report.firstBroken.id.toString(), problem: report.firstBroken.problem } : {}),
    ...(gap
      ? {
          gap: {
            problem: gap.problem,
            anchorId: gap.anchorId.toString(),
            auditId: gap.auditId.toString(),
            hash: gap.hash,
            lastRowBefore: gap.lastRowBefore?.toString() ?? null,
          },
        }
      : {}),
    ...(report.anchors.unverified.length ? { unverifiedAnchors: report.anchors.unverified.map(String) } : {}),
    anchors: report.anchors.count,
    messages: describeChainReport(report),
  };
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "audit.verify", entityType: "AuditEvent", after: result });
  return ok(result);
});
