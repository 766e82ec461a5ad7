// Pure hash-chain arithmetic of the audit trail; no I/O, so it is unit-tested on its own.
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

/** The content of an audit row that the hash covers (everything but id and the hashes). */
export type AuditContent = {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  siteId: string | null;
  patientId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
};

export function auditHash(prevHash: string, c: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(auditHashBody(c)).digest("hex");
}

/** What a row's hash covers after its prevHash (appendAudit has PostgreSQL hash it over the locked head). */
export function auditHashBody(c: AuditContent): string {
  return canonicalJson({
    at: c.at.toISOString(),
    actorId: c.actorId,
    actorEmail: c.actorEmail,
    actorRole: c.actorRole,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    siteId: c.siteId,
    patientId: c.patientId,
    before: c.before ?? null,
    after: c.after ?? null,
    reason: c.reason,
    requestId: c.requestId,
  });
}

export type ChainRow = AuditContent & { id: bigint; prevHash: string; hash: string };

export type ChainBreak = { id: bigint; problem: "prev_hash_mismatch" | "hash_mismatch" };

/** Checks rows in id order, continuing from `prevHash`; returns the first broken row, if any. */
export function checkChainSegment(rows: ChainRow[], prevHash: string): { broken: ChainBreak | null; lastHash: string } {
  let expectedPrev = prevHash;
  for (const r of rows) {
    if (r.prevHash !== expectedPrev) return { broken: { id: r.id, problem: "prev_hash_mismatch" }, lastHash: expectedPrev };
    if (auditHash(r.prevHash, r) !== r.hash) return { broken: { id: r.id, problem: "hash_mismatch" }, lastHash: expectedPrev };
    expectedPrev = r.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}
