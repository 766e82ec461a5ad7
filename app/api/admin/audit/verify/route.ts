import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit, verifyAuditChain } from "@/lib/audit/data";
import { ok, route } from "@/lib/http/route";

export const POST = route(async () => {
  const user = await authorizeRequest("audit.read");
  const report = await verifyAuditChain();
  const result = report.intact
    ? { intact: true, rows: report.rows }
    : { intact: false, rows: report.rows, firstBrokenId: report.firstBroken.id.toString(), problem: report.firstBroken.problem };
  await recordAudit({ actor: { id: user.id, email: user.email, role: user.role }, action: "audit.verify", entityType: "AuditEvent", after: result });
  return ok(result);
});
