// Anchors of the audit hash chain (issue 12 §6): pure signing and checking, no I/O, unit-tested on its own.
// An anchor records the head of one chain (row id, hash, time) outside the audit table, signed with
// HMAC-SHA256 under a key the database does not hold. Someone who can delete the newest audit rows (the
// owner role) cannot make the chain end cleanly at an earlier row without leaving an anchor that names a
// row that is gone, nor forge an anchor without the key.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "./canonical";

/** One chain today; anchors carry the key so that chains split later (e.g. per site) anchor separately. */
export const GLOBAL_CHAIN = "global";

export type AnchorFacts = {
  id: bigint;
  chainKey: string;
  auditId: bigint; // the chain's newest row when anchored
  hash: string; // that row's hash
  at: Date; // that row's time
  anchoredAt: Date;
  reason: string; // "schedule" | "export" | "download" | "cli"
  actorId: string | null;
};
export type SignedAnchor = AnchorFacts & { keyId: string; signature: string };
export type AnchorKey = { keyId: string; secret: Buffer };

const keyOf = (secret: Buffer): AnchorKey => ({ keyId: createHash("sha256").update(secret).digest("hex").slice(0, 16), secret });

/**
 * The signing key first, then earlier keys that still verify old anchors. AUDIT_ANCHOR_KEY (keep it off the
 * database host); without it a key derived from NEXTAUTH_SECRET; outside production a fixed development key.
 */
export function anchorKeys(env: Record<string, string | undefined> = process.env): AnchorKey[] {
  const previous = (env.AUDIT_ANCHOR_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => keyOf(Buffer.from(k)));
  if (env.AUDIT_ANCHOR_KEY) return [keyOf(Buffer.from(env.AUDIT_ANCHOR_KEY)), ...previous];
  if (env.NEXTAUTH_SECRET) return [keyOf(Buffer.from(hkdfSync("sha256", env.NEXTAUTH_SECRET, "", "esketamine-tracker audit anchor", 32))), ...previous];
  if (env.NODE_ENV === "production") throw new Error("Set AUDIT_ANCHOR_KEY (or NEXTAUTH_SECRET) to sign audit anchors.");
  return [keyOf(Buffer.from("development-only audit anchor key")), ...previous];
}

function signedText(f: AnchorFacts): string {
  return canonicalJson({
    v: 1,
    id: f.id.toString(),
    chainKey: f.chainKey,
    auditId: f.auditId.toString(),
    hash: f.hash,
    at: f.at.toISOString(),
    anchoredAt: f.anchoredAt.toISOString(),
    reason: f.reason,
    actorId: f.actorId,
  });
}

export function signAnchor(f: AnchorFacts, key: AnchorKey): SignedAnchor {
  return { ...f, keyId: key.keyId, signature: createHmac("sha256", key.secret).update(signedText(f)).digest("hex") };
}

export function anchorSignatureValid(a: SignedAnchor, keys: AnchorKey[]): boolean {
  const key = keys.find((k) => k.keyId === a.keyId);
  if (!key || !/^[0-9a-f]{64}$/.test(a.signature)) return false;
  const expected = Buffer.from(signAnchor(a, key).signature, "hex");
  return timingSafeEqual(expected, Buffer.from(a.signature, "hex"));
}

/** The file an administrator downloads and keeps outside the database. */
export type AnchorFile = {
  type: "esketamine-tracker/audit-anchor";
  algorithm: "HMAC-SHA256";
  id: string;
  chainKey: string;
  auditId: string;
  hash: string;
  at: string;
  anchoredAt: string;
  reason: string;
  actorId: string | null;
  keyId: string;
  signature: string;
};

export function anchorFile(a: SignedAnchor): AnchorFile {
  return {
    type: "esketamine-tracker/audit-anchor",
    algorithm: "HMAC-SHA256",
    id: a.id.toString(),
    chainKey: a.chainKey,
    auditId: a.auditId.toString(),
    hash: a.hash,
    at: a.at.toISOString(),
    anchoredAt: a.anchoredAt.toISOString(),
    reason: a.reason,
    actorId: a.actorId,
    keyId: a.keyId,
    signature: a.signature,
  };
}

/** Reads a downloaded anchor file back; null when it is not one. */
export function parseAnchorFile(json: unknown): SignedAnchor | null {
  const f = json as Partial<AnchorFile> | null;
  if (!f || f.type !== "esketamine-tracker/audit-anchor") return null;
  try {
    return {
      id: BigInt(f.id!),
      chainKey: String(f.chainKey),
      auditId: BigInt(f.auditId!),
      hash: String(f.hash),
      at: new Date(f.at!),
      anchoredAt: new Date(f.anchoredAt!),
      reason: String(f.reason),
      actorId: f.actorId ?? null,
      keyId: String(f.keyId),
      signature: String(f.signature),
    };
  } catch {
    return null;
  }
}

/** An anchored row that the audit table no longer has (rows deleted), or has with another hash (rows replaced). */
export type AnchorGap = {
  problem: "rows_missing" | "hash_mismatch";
  anchorId: bigint;
  auditId: bigint;
  hash: string;
  anchoredAt: Date;
  /** The newest row still present before the anchored one (null: none). */
  lastRowBefore: bigint | null;
  /** The newest earlier anchor whose row is still there (null: none). */
  lastGoodAnchorId: bigint | null;
};

/**
 * The first anchor (oldest first) whose row is gone or changed. `rowHash` gives the current hash of an
 * audit row id (undefined when absent). Anchors whose signature does not verify must be left out by the caller.
 */
export function firstAnchorGap(anchors: SignedAnchor[], rowHash: (id: bigint) => string | undefined): Omit<AnchorGap, "lastRowBefore"> | null {
  let lastGood: bigint | null = null;
  for (const a of [...anchors].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const h = rowHash(a.auditId);
    if (h === a.hash) {
      lastGood = a.id;
      continue;
    }
    return {
      problem: h === undefined ? "rows_missing" : "hash_mismatch",
      anchorId: a.id,
      auditId: a.auditId,
      hash: a.hash,
      anchoredAt: a.anchoredAt,
      lastGoodAnchorId: lastGood,
    };
  }
  return null;
}

const short = (h: string) => `${h.slice(0, 16)}…`;

/** The gap in words, for the audit page, the verify command and its log. */
export function describeGap(g: AnchorGap): string {
  const from = g.lastRowBefore === null ? "Rows from the start of the trail" : `Rows after row #${g.lastRowBefore}`;
  const since = g.lastGoodAnchorId === null ? "" : ` (anchor ${g.lastGoodAnchorId} still matches)`;
  if (g.problem === "rows_missing")
    return `${from} up to hash ${short(g.hash)} (row #${g.auditId}, anchor ${g.anchorId} of ${g.anchoredAt.toISOString()}) are missing${since}.`;
  return `Row #${g.auditId} no longer has the hash ${short(g.hash)} that anchor ${g.anchorId} of ${g.anchoredAt.toISOString()} recorded: rows up to it were replaced${since}.`;
}
