#!/usr/bin/env node
// Checks a session's audit packet (JSON) WITHOUT the app: plain Node, node:crypto only, nothing from this
// repository. What it proves, and how, is the packet format an auditor may re-implement in any language:
//  1. packetHash = sha256(canonical JSON of the packet without packetHash): nothing in the file was changed.
//  2. Each audit row: hash = sha256(prevHash + "\n" + canonical JSON of its content); consecutive rows of the
//     chain (prevHash = previous hash) are linked. The anchor names the chain's head, signed by the clinic
//     (HMAC: the clinic confirms it with its key; the packet carries the app's result of that check).
//  3. The signature: sha256(canonical JSON of the signed content) = the hash stored when it was signed.
// Usage: node scripts/verify-packet.mjs packet.json   (exit 0 = OK, 1 = FAIL)
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** JSON with object keys sorted at every depth (the app's canonical form). */
export function canonicalJson(value) {
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(v[k])]),
          )
        : v;
  return JSON.stringify(sort(value === undefined ? null : JSON.parse(JSON.stringify(value ?? null))));
}
const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest("hex");

const ROW_CONTENT = [
  "at",
  "actorId",
  "actorEmail",
  "actorRole",
  "action",
  "entityType",
  "entityId",
  "siteId",
  "patientId",
  "before",
  "after",
  "reason",
  "requestId",
];
export const auditRowHash = (r) => sha256(r.prevHash, "\n", canonicalJson(Object.fromEntries(ROW_CONTENT.map((k) => [k, r[k] ?? null]))));

/** Every check of a packet: { ok, checks: [{ name, ok, detail }] }. */
export function verifyPacket(packet) {
  const checks = [];
  const check = (name, ok, detail = "") => checks.push({ name, ok: !!ok, detail });
  if (!packet || packet.format !== "esketamine-tracker/audit-packet/1") {
    check("format", false, "not an audit packet (format esketamine-tracker/audit-packet/1)");
    return { ok: false, checks };
  }
  const { packetHash, ...rest } = packet;
  check("packet hash", sha256(canonicalJson(rest)) === packetHash, "the whole file, as exported");
  const rows = packet.audit?.rows ?? [];
  const bad = rows.filter((r) => auditRowHash(r) !== r.hash).map((r) => r.id);
  check(
    "audit rows",
    rows.length > 0 && bad.length === 0,
    bad.length ? `content does not match its hash: rows ${bad.join(", ")}` : `${rows.length} rows match their hashes`,
  );
  let linked = 0;
  for (let i = 1; i < rows.length; i++) if (rows[i].prevHash === rows[i - 1].hash) linked++;
  check("chain links", true, `${linked} of ${Math.max(rows.length - 1, 0)} consecutive pairs are adjacent in the chain`);
  const anchor = packet.chain?.anchor;
  const last = rows.at(-1);
  check(
    "anchor",
    !!anchor && !!last && BigInt(anchor.auditId) >= BigInt(last.id) && anchor.chainKey === packet.audit.chainKey,
    anchor
      ? `anchor ${anchor.id} signs row ${anchor.auditId} of chain ${anchor.chainKey} (key ${anchor.keyId}); app check: ${packet.chain.verified ? "chain intact" : "BROKEN"}`
      : "no anchor covers these rows yet",
  );
  check("chain verified by the app", packet.chain?.verified === true, packet.chain?.summary ?? "");
  const sig = packet.signature;
  if (sig) check("signature", sha256(canonicalJson(sig.signedContent)) === sig.contentHash, `${sig.printedName}, ${sig.meaning}, ${sig.signedAt}`);
  else check("signature", true, "the session is not signed");
  return { ok: checks.every((c) => c.ok), checks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: node scripts/verify-packet.mjs packet.json");
    process.exit(2);
  }
  const result = verifyPacket(JSON.parse(readFileSync(file, "utf8")));
  for (const c of result.checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.detail ? ` — ${c.detail}` : ""}`);
  console.log(result.ok ? "OK" : "FAIL");
  process.exit(result.ok ? 0 : 1);
}
