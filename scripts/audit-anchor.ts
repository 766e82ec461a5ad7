// npm run audit:anchor — checkpoints the head of every audit chain (one per site, and "global") in AuditAnchor (for cron, beside the app's own
// hourly schedule) and prints the signed anchor as JSON, to be kept outside the database. Reads .env* as the app does.
import nextEnv from "@next/env";
nextEnv.loadEnvConfig(process.cwd());
const { db } = await import("../lib/db/client");
const { anchorAllAuditChains } = await import("../lib/audit/anchors");
const { anchorFile } = await import("../lib/audit/anchor");

// One anchor per chain: a JSON array of anchor files (`npm run audit:verify -- <file>` reads an array or one anchor).
const anchors = await anchorAllAuditChains({ reason: "cli" });
console.log(anchors.length ? JSON.stringify(anchors.map(anchorFile), null, 2) : "The audit trail is empty: nothing to anchor.");
await db().$disconnect();
