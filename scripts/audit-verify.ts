// npm run audit:verify [-- anchor.json …] — walks every audit hash chain (one per site, and "global"), checks every anchor kept in the
// database and any downloaded anchor files given, and prints "intact" or what is broken or missing.
// Exit code 0 when intact, 1 when not (usable from cron or CI). Reads .env* as the app does (the anchor key).
import fs from "node:fs";
import nextEnv from "@next/env";
nextEnv.loadEnvConfig(process.cwd());
const { db } = await import("../lib/db/client");
const { describeChainReport, verifyAuditChain } = await import("../lib/audit/data");
const { checkAnchorFile } = await import("../lib/audit/anchors");
const { describeGap, parseAnchorFile } = await import("../lib/audit/anchor");

const started = Date.now();
const report = await verifyAuditChain();
const ms = Date.now() - started;
let ok = report.intact;
console.log(`Audit trail ${report.intact ? "intact" : "NOT INTACT"} (${ms} ms):`);
for (const line of describeChainReport(report)) console.log(`  ${line}`);
if (!report.intact && report.firstBroken) {
  const row = await db().auditEvent.findUnique({ where: { id: report.firstBroken.id } });
  if (row) console.log(`  that row: ${row.at.toISOString()} ${row.action} ${row.entityType} ${row.entityId ?? ""} by ${row.actorEmail ?? "system"}`);
}
for (const file of process.argv.slice(2)) {
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const item of Array.isArray(json) ? json : [json]) {
    // one anchor (a download) or one per chain (`npm run audit:anchor`)
    const anchor = parseAnchorFile(item);
    if (!anchor) {
      console.log(`${file}: not an audit anchor file`);
      ok = false;
      continue;
    }
    const r = await checkAnchorFile(anchor);
    const verdict = !r.signatureValid
      ? "signature does not verify with this server's key"
      : r.gap
        ? describeGap(r.gap)
        : `row #${anchor.auditId} is present with the anchored hash`;
    console.log(`${file} (anchor ${anchor.id}): ${verdict}`);
    if (!r.signatureValid || r.gap) ok = false;
  }
}
await db().$disconnect();
process.exit(ok ? 0 : 1);
