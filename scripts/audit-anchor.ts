// npm run audit:anchor — checkpoints the head of the audit chain in AuditAnchor (for cron, beside the app's own
// hourly schedule) and prints the signed anchor as JSON, to be kept outside the database. Reads .env* as the app does.
import nextEnv from "@next/env";
nextEnv.loadEnvConfig(process.cwd());
const { db } = await import("../lib/db/client");
const { anchorAuditChain } = await import("../lib/audit/anchors");
const { anchorFile } = await import("../lib/audit/anchor");

const anchor = await anchorAuditChain({ reason: "cli" });
console.log(anchor ? JSON.stringify(anchorFile(anchor), null, 2) : "The audit trail is empty: nothing to anchor.");
await db().$disconnect();
