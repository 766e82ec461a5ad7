// npm run audit:verify — walks the audit hash chain and prints "intact" or the first broken row.
// Exit code 0 when intact, 1 when broken (usable from cron or CI).
import { db } from "../lib/db/client";
import { verifyAuditChain } from "../lib/audit/data";

const started = Date.now();
const report = await verifyAuditChain();
const ms = Date.now() - started;
if (report.intact) {
  console.log(`Audit trail intact: ${report.rows} rows verified in ${ms} ms.`);
} else {
  const row = await db().auditEvent.findUnique({ where: { id: report.firstBroken.id } });
  console.log(`Audit trail BROKEN at row ${report.firstBroken.id} (${report.firstBroken.problem}); ${report.rows} rows before it are intact.`);
  if (row) console.log(`  that row: ${row.at.toISOString()} ${row.action} ${row.entityType} ${row.entityId ?? ""} by ${row.actorEmail ?? "system"}`);
}
await db().$disconnect();
process.exit(report.intact ? 0 : 1);
