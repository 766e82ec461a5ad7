import "server-only";
import { serverNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { anchorKeys, anchorSignatureValid, firstAnchorGap, GLOBAL_CHAIN, signAnchor, type AnchorGap, type SignedAnchor } from "./anchor";

export type AnchorReason = "schedule" | "export" | "download" | "cli";

/** The newest committed row of a chain (one chain per site, and "global"; issue 14 §2). */
function chainHead(chainKey: string) {
  return db().auditEvent.findFirst({ where: { chainKey }, orderBy: { id: "desc" }, select: { id: true, hash: true, at: true } });
}

const toSigned = (a: {
  id: bigint;
  chainKey: string;
  auditId: bigint;
  hash: string;
  at: Date;
  anchoredAt: Date;
  reason: string;
  actorId: string | null;
  keyId: string;
  signature: string;
}): SignedAnchor => a;

/**
 * Checkpoints the head of a chain in AuditAnchor (an INSERT: the app role may do nothing else there).
 * Takes no lock and does not slow audit writers: any committed row is a valid anchor, and rows commit in
 * chain order. `onlyIfMoved` (the schedule) skips when the newest anchor already names the head.
 * Returns null when the chain is empty or had not moved.
 */
export async function anchorAuditChain(opts: {
  reason: AnchorReason;
  actorId?: string | null;
  chainKey?: string;
  onlyIfMoved?: boolean;
}): Promise<SignedAnchor | null> {
  const chainKey = opts.chainKey ?? GLOBAL_CHAIN;
  const head = await chainHead(chainKey);
  if (!head) return null;
  if (opts.onlyIfMoved) {
    const last = await db().auditAnchor.findFirst({ where: { chainKey }, orderBy: { id: "desc" }, select: { auditId: true } });
    if (last?.auditId === head.id) return null;
  }
  // The id is part of what is signed, so it is drawn before the row is written.
  const [{ id }] = await db().$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditAnchor"', 'id')) AS id`;
  const signed = signAnchor(
    { id: BigInt(id), chainKey, auditId: head.id, hash: head.hash, at: head.at, anchoredAt: serverNow(), reason: opts.reason, actorId: opts.actorId ?? null },
    anchorKeys()[0],
  );
  return toSigned(await db().auditAnchor.create({ data: signed }));
}

/** One anchor per chain (the schedule and `npm run audit:anchor`): every chain's head is signed. */
export async function anchorAllAuditChains(opts: { reason: AnchorReason; actorId?: string | null; onlyIfMoved?: boolean }): Promise<SignedAnchor[]> {
  const heads = await db().auditChainHead.findMany({ select: { chainKey: true }, orderBy: { chainKey: "asc" } });
  const out: SignedAnchor[] = [];
  for (const { chainKey } of heads) {
    const a = await anchorAuditChain({ ...opts, chainKey });
    if (a) out.push(a);
  }
  return out;
}

export type AnchorStatus = {
  count: number;
  latest: { id: bigint; auditId: bigint; hash: string; anchoredAt: Date } | null;
  /** Anchors whose signature does not verify with the configured keys (forged or from an unknown key). */
  unverified: bigint[];
  gap: AnchorGap | null;
};

/**
 * Checks every anchor of a chain (of every chain when none is named) against the audit table: each anchored
 * row must still be there with its hash. The gap reported is the first one, chains taken in key order.
 */
export async function checkAnchors(chainKey?: string): Promise<AnchorStatus> {
  const all = (await db().auditAnchor.findMany({ where: chainKey === undefined ? {} : { chainKey }, orderBy: { id: "asc" } })).map(toSigned);
  const keys = anchorKeys();
  const valid: SignedAnchor[] = [];
  const unverified: bigint[] = [];
  for (const a of all)
    if (anchorSignatureValid(a, keys)) valid.push(a);
    else unverified.push(a.id);
  const hashes = new Map<bigint, string>();
  const ids = [...new Set(valid.map((a) => a.auditId))];
  for (let i = 0; i < ids.length; i += 5000)
    for (const r of await db().auditEvent.findMany({ where: { id: { in: ids.slice(i, i + 5000) } }, select: { id: true, hash: true } }))
      hashes.set(r.id, r.hash);
  let gap: AnchorGap | null = null;
  for (const key of [...new Set(valid.map((a) => a.chainKey))].sort()) {
    const found = firstAnchorGap(
      valid.filter((a) => a.chainKey === key),
      (id) => hashes.get(id),
    );
    if (!found) continue;
    const before = await db().auditEvent.findFirst({ where: { chainKey: key, id: { lt: found.auditId } }, orderBy: { id: "desc" }, select: { id: true } });
    gap = { ...found, lastRowBefore: before?.id ?? null };
    break;
  }
  const last = valid.at(-1);
  return {
    count: all.length,
    latest: last ? { id: last.id, auditId: last.auditId, hash: last.hash, anchoredAt: last.anchoredAt } : null,
    unverified,
    gap,
  };
}

/** A downloaded anchor file checked against this database: its signature, and its row still there with its hash. */
export async function checkAnchorFile(a: SignedAnchor): Promise<{ signatureValid: boolean; gap: AnchorGap | null }> {
  const signatureValid = anchorSignatureValid(a, anchorKeys());
  const row = await db().auditEvent.findUnique({ where: { id: a.auditId }, select: { hash: true } });
  const found = firstAnchorGap([a], () => row?.hash);
  if (!found) return { signatureValid, gap: null };
  const before = await db().auditEvent.findFirst({ where: { chainKey: a.chainKey, id: { lt: a.auditId } }, orderBy: { id: "desc" }, select: { id: true } });
  return { signatureValid, gap: { ...found, lastRowBefore: before?.id ?? null } };
}

/** The newest anchor (of a chain, or of any chain), for the audit page. */
export function latestAnchor(chainKey?: string) {
  return db().auditAnchor.findFirst({
    where: chainKey === undefined ? {} : { chainKey },
    orderBy: { id: "desc" },
    select: { id: true, auditId: true, anchoredAt: true, reason: true },
  });
}
