import { describeChainReport, recordAudit, verifyAuditChain } from "@/lib/audit/data";
import { endpoint } from "@/lib/http/endpoint";

export const POST = endpoint({ action: "audit.read" }, async ({ user }) => {
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
  return result;
});
