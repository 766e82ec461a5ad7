import "server-only";
import { serverNow } from "@/lib/clock";
import { db, type Tx } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditHashBody, checkChainSegment, GENESIS_HASH, type ChainBreak } from "./chain";
import type { AuditFilter } from "./schema";
import { describeGap, GLOBAL_CHAIN } from "./anchor";
import { checkAnchors, type AnchorStatus } from "./anchors";
import { csvFromRows } from "@/lib/reports/csv";

export type AuditActor = { id: string; email: string; role: string } | null;

export type AuditInput = {
  actor: AuditActor;
  action: string; // e.g. "user.create", "auth.login_failed", "access.denied"
  entityType: string;
  entityId?: string | null;
  siteId?: string | null;
  patientId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
};

const jsonText = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** The chain a row belongs to: one per site, "global" for rows without a site (sign-ins, accounts). */
export const chainKeyOf = (siteId: string | null | undefined) => siteId ?? GLOBAL_CHAIN;

/**
 * Appends one audit row to its site's hash chain (issue 14 §2) as the caller's transaction commits. The row, with
 * the canonical body its hash covers, goes into audit_commit.pending now; at COMMIT a deferred trigger (migration
 * audit_chain_at_commit) locks the chain's head, appends the row to AuditEvent hashed over the head and moves the
 * head. So each row's prevHash is the hash of the row committed just before it in the same chain, writers of other
 * sites never wait, and writers of the same site wait only for each other's COMMIT, never for an app server.
 */
export async function appendAudit(tx: Tx, e: AuditInput): Promise<void> {
  const before = jsonText(e.before),
    after = jsonText(e.after);
  const content = {
    at: serverNow(),
    actorId: e.actor?.id ?? null,
    actorEmail: e.actor?.email ?? null,
    actorRole: e.actor?.role ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    siteId: e.siteId ?? null,
    patientId: e.patientId ?? null,
    before: before === null ? null : JSON.parse(before),
    after: after === null ? null : JSON.parse(after),
    reason: e.reason ?? null,
    requestId: e.requestId ?? null,
  };
  await sql(tx)
    .execute`INSERT INTO audit_commit.pending ("chainKey", "body", "at", "actorId", "actorEmail", "actorRole", "action", "entityType", "entityId", "siteId", "patientId", "before", "after", "reason", "requestId")
    VALUES (${chainKeyOf(e.siteId)}, ${auditHashBody(content)}, ${content.at.toISOString()}::timestamptz, ${content.actorId}, ${content.actorEmail}, ${content.actorRole},
      ${content.action}, ${content.entityType}, ${content.entityId}, ${content.siteId}, ${content.patientId}, ${before}::jsonb, ${after}::jsonb, ${content.reason}, ${content.requestId})`;
}

/** Audit an event that is not part of another write (a login, a denial). */
export function recordAudit(e: AuditInput): Promise<void> {
  // The same waits as transaction(): under load a burst of sign-ins queues for the chain's lock and the pool.
  return db().$transaction((tx) => appendAudit(tx, e), { maxWait: 10_000, timeout: 20_000 });
}

export type ChainReport =
  | { intact: true; rows: number; chains: string[]; anchors: AnchorStatus }
  | { intact: false; rows: number; chains: string[]; firstBroken: (ChainBreak & { chainKey?: string }) | null; anchors: AnchorStatus };

/** Every chain that has rows (a loose index scan of (chainKey, id): one index probe per chain, not a table scan). */
export async function auditChainKeys(): Promise<string[]> {
  const rows = await db().$queryRaw<{ key: string }[]>`WITH RECURSIVE k AS (
      SELECT min("chainKey") AS key FROM "AuditEvent"
      UNION ALL SELECT (SELECT min("chainKey") FROM "AuditEvent" WHERE "chainKey" > k.key) FROM k WHERE k.key IS NOT NULL)
    SELECT key FROM k WHERE key IS NOT NULL`;
  return rows.map((r) => r.key);
}

/** Walks one chain in id order, a page at a time; the first broken row, if any, and the rows before it. */
async function verifyChain(chainKey: string, pageSize: number): Promise<{ rows: number; broken: ChainBreak | null }> {
  let prev = GENESIS_HASH;
  let afterId: bigint | undefined;
  let rows = 0;
  for (;;) {
    const page = await db().auditEvent.findMany({
      where: { chainKey, ...(afterId === undefined ? {} : { id: { gt: afterId } }) },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (!page.length) return { rows, broken: null };
    const { broken, lastHash } = checkChainSegment(page, prev);
    if (broken) return { rows: rows + page.findIndex((r) => r.id === broken.id), broken };
    rows += page.length;
    prev = lastHash;
    afterId = page[page.length - 1].id;
  }
}

/**
 * Walks every chain (one per site, and "global") in id order, a page at a time (never the whole table in
 * memory), then checks the anchors kept outside the table: rows deleted from the end of a chain leave it
 * intact but an anchor naming a row that is gone (`anchors.gap`). An anchor whose signature does not verify
 * also fails the check. A row moved to another chain (its chainKey changed) breaks both chains' links.
 */
export async function verifyAuditChain(pageSize = 2000): Promise<ChainReport> {
  const chains = await auditChainKeys();
  let rows = 0;
  let firstBroken: (ChainBreak & { chainKey?: string }) | null = null;
  for (const chainKey of chains) {
    const r = await verifyChain(chainKey, pageSize);
    rows += r.rows;
    if (r.broken && (!firstBroken || r.broken.id < firstBroken.id)) firstBroken = r.broken;
  }
  const anchors = await checkAnchors();
  if (!firstBroken && !anchors.gap && !anchors.unverified.length) return { intact: true, rows, chains, anchors };
  return { intact: false, rows, chains, firstBroken, anchors };
}

/** One chain checked the same way, with that chain's anchors (a session's audit packet). */
export async function verifyOneAuditChain(chainKey: string, pageSize = 2000) {
  const r = await verifyChain(chainKey, pageSize);
  const anchors = await checkAnchors(chainKey);
  return { chainKey, rows: r.rows, broken: r.broken, anchors, intact: !r.broken && !anchors.gap && !anchors.unverified.length };
}

/** The report in words (the audit page, `npm run audit:verify`, the verify route's audit row). */
export function describeChainReport(r: ChainReport): string[] {
  const lines: string[] = [];
  if (r.intact) lines.push(`Intact: all ${r.rows} rows verified.`);
  else if (r.firstBroken)
    lines.push(`Broken at row ${r.firstBroken.id} (${r.firstBroken.problem.replaceAll("_", " ")}); the ${r.rows} rows before it are intact.`);
  else lines.push(`The chain of ${r.rows} rows links up, but its anchors do not match.`);
  lines.push(`${r.chains.length} chain${r.chains.length === 1 ? "" : "s"} (one per site, and one for rows without a site).`);
  if (r.anchors.gap) lines.push(describeGap(r.anchors.gap));
  if (r.anchors.unverified.length)
    lines.push(`Anchor${r.anchors.unverified.length > 1 ? "s" : ""} ${r.anchors.unverified.join(", ")}: signature does not verify with this server's key.`);
  const l = r.anchors.latest;
  lines.push(
    l
      ? `${r.anchors.count} anchor${r.anchors.count === 1 ? "" : "s"}; the latest (${l.id}, ${l.anchoredAt.toISOString()}) names row #${l.auditId}.`
      : "No anchors yet.",
  );
  return lines;
}

export type AuditRowDto = {
  id: string;
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  patientId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
};

/**
 * What an administrator may read of the audit trail: rows of their sites, and rows without a site
 * (sign-ins, account changes) done by or to a user who works at one of their sites.
 */
export type AuditScope = { siteIds: string[]; userIds: string[] };

export async function auditScopeFor(actor: { siteIds: readonly string[] }): Promise<AuditScope> {
  const members = await db().userSite.findMany({ where: { siteId: { in: [...actor.siteIds] } }, select: { userId: true }, distinct: ["userId"] });
  return { siteIds: [...actor.siteIds], userIds: members.map((m) => m.userId) };
}

const scopeWhere = (scope: AuditScope): Prisma.AuditEventWhereInput => ({
  OR: [
    { siteId: { in: scope.siteIds } },
    { siteId: null, actorId: { in: scope.userIds } },
    { siteId: null, entityType: "User", entityId: { in: scope.userIds } },
  ],
});

/** The viewer's filters as a query (shared by the page and the CSV export). Dates are UTC calendar days. */
function auditWhere(f: Omit<AuditFilter, "before">, scope: AuditScope): Prisma.AuditEventWhereInput {
  return {
    AND: [scopeWhere(scope)],
    ...(f.actor ? { actorEmail: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.entity ? { entityType: { equals: f.entity, mode: "insensitive" } } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.patientId ? { patientId: f.patientId } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

/** One page of the audit log, newest first, keyset-paged by id. Dates are UTC calendar days. */
export async function listAuditEvents(f: AuditFilter, scope: AuditScope, pageSize = 50): Promise<{ rows: AuditRowDto[]; nextBefore: string | null }> {
  const where: Prisma.AuditEventWhereInput = { ...auditWhere(f, scope), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: "desc" }, take: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actorEmail: r.actorEmail,
      actorRole: r.actorRole,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      patientId: r.patientId,
      reason: r.reason,
      before: r.before,
      after: r.after,
    })),
    nextBefore: rows.length > pageSize ? page[page.length - 1].id.toString() : null,
  };
}

/** Audit rows for the viewer's filters, oldest first, a page at a time (keyset on id). */
async function* auditEvents(f: AuditFilter, scope: AuditScope, pageSize: number) {
  let afterId: bigint | undefined;
  for (;;) {
    const page = await db().auditEvent.findMany({
      where: { ...auditWhere(f, scope), ...(afterId !== undefined ? { id: { gt: afterId } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (!page.length) return;
    afterId = page[page.length - 1].id;
    yield* page;
  }
}

/** The audit log as CSV for the same filters as the viewer, streamed (never all rows in memory). */
export function auditCsvStream(f: AuditFilter, scope: AuditScope, pageSize = 2000): ReadableStream<Uint8Array> {
  const header = ["id", "at", "actorEmail", "actorRole", "action", "entityType", "entityId", "siteId", "patientId", "reason", "before", "after", "hash"];
  return csvFromRows(
    header,
    auditEvents(f, scope, pageSize),
    (r) => [
      r.id.toString(),
      r.at,
      r.actorEmail,
      r.actorRole,
      r.action,
      r.entityType,
      r.entityId,
      r.siteId,
      r.patientId,
      r.reason,
      r.before == null ? "" : JSON.stringify(r.before),
      r.after == null ? "" : JSON.stringify(r.after),
      r.hash,
    ],
    pageSize,
  );
}
