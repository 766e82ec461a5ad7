// For scripts/db-backup.test.ts, run under scripts/with-db.ts:
//   append <n> <tag>     n audited writes (through lib/audit), plus a non-audited row change named by <tag>
//   churn <stopfile>     audited writes one after another until <stopfile> exists (a backup runs meanwhile);
//                        <stopfile>.started appears after the first write
//   state                prints nothing but the state
// Always prints one JSON line: the audit chain's verification, row count and every chain's head hash, and the tags present.
import fs from "node:fs";
import { db } from "../../lib/db/client";
import { recordAudit, verifyAuditChain } from "../../lib/audit/data";
import { AUDIT_ROWS_AND_HEADS_SQL } from "../../lib/audit/heads-sql";

const [mode, arg, tag] = process.argv.slice(2);
if (mode === "append") {
  for (let i = 0; i < Number(arg); i++)
    await recordAudit({ actor: null, action: "test.backup", entityType: "Test", entityId: `${tag}-${i}`, after: { i, tag } });
  await db().loginThrottle.upsert({
    where: { accountKey: `backup-test-${tag}` },
    create: { accountKey: `backup-test-${tag}`, failures: 1 },
    update: { failures: { increment: 1 } },
  });
} else if (mode === "churn") {
  for (let n = 0; !fs.existsSync(arg) && n < 100_000; n++) {
    await recordAudit({ actor: null, action: "test.churn", entityType: "Test", after: { n } });
    if (n === 0) fs.writeFileSync(`${arg}.started`, "");
  }
}
const report = await verifyAuditChain();
const [{ head }] = await db().$queryRawUnsafe<{ head: string | null }[]>(AUDIT_ROWS_AND_HEADS_SQL); // every chain's head
const tags = (await db().loginThrottle.findMany({ where: { accountKey: { startsWith: "backup-test-" } }, select: { accountKey: true } }))
  .map((t) => t.accountKey.slice(12))
  .sort();
console.log(JSON.stringify({ intact: report.intact, rows: report.rows, head, tags }));
await db().$disconnect();
