import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "@/lib/audit/data";
import { serverNow } from "@/lib/clock";
import { db, transaction } from "@/lib/db/client";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { requireAdministers, type SiteScopedActor } from "./admin-scope";
import type { ApiTokenScope, CreateApiTokenInput } from "./api-token-schema";

// Read-only API tokens for machine clients (issue 15 §3). The secret is 32 random bytes, shown once; the database
// keeps its SHA-256 only (a stolen table gives no usable token). Every lookup reads the row: revoking is immediate.
const PREFIX = "est_";
export const hashToken = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  sites: { id: string; name: string }[];
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
export type ApiTokenPrincipal = { tokenId: string; name: string; siteIds: string[]; scopes: string[] };

const actorOf = (a: SiteScopedActor) => ({ id: a.id, email: a.email, role: a.role });

export async function createApiToken(admin: SiteScopedActor, input: CreateApiTokenInput): Promise<{ id: string; secret: string }> {
  const siteIds = [...new Set(input.siteIds)];
  await requireAdministers(admin, siteIds, { refuse: 403, entityType: "ApiToken", field: "siteIds" });
  const secret = PREFIX + randomBytes(32).toString("base64url");
  return transaction(async (tx) => {
    const t = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, PREFIX.length + 6),
        siteIds,
        scopes: ["fhir.read"],
        createdById: admin.id,
        createdAt: serverNow(),
      },
    });
    await appendAudit(tx, {
      actor: actorOf(admin),
      action: "api_token.create",
      entityType: "ApiToken",
      entityId: t.id,
      siteId: siteIds[0],
      after: { name: t.name, prefix: t.prefix, siteIds, scopes: t.scopes },
    });
    return { id: t.id, secret };
  });
}

export async function revokeApiToken(admin: SiteScopedActor, id: string): Promise<void> {
  const t = await db().apiToken.findUnique({ where: { id } });
  if (!t) throw notFoundError("Token");
  await requireAdministers(admin, t.siteIds, { refuse: 404, entityType: "ApiToken", entityId: id, what: "Token" });
  if (t.revokedAt) throw new HttpError(409, "ALREADY_REVOKED", "This token is already revoked.");
  await transaction(async (tx) => {
    await tx.apiToken.update({ where: { id }, data: { revokedAt: serverNow(), revokedById: admin.id } });
    await appendAudit(tx, {
      actor: actorOf(admin),
      action: "api_token.revoke",
      entityType: "ApiToken",
      entityId: id,
      siteId: t.siteIds[0],
      before: { revokedAt: null },
      after: { revokedAt: serverNow() },
    });
  });
}

/** The tokens whose every site the administrator administers, newest first. */
export async function apiTokensOf(admin: SiteScopedActor): Promise<ApiTokenView[]> {
  const rows = await db().apiToken.findMany({ where: { siteIds: { hasSome: [...admin.siteIds] } }, orderBy: { createdAt: "desc" } });
  const mine = rows.filter((t) => t.siteIds.every((s) => admin.siteIds.includes(s)));
  const sites = new Map(
    (await db().site.findMany({ where: { id: { in: mine.flatMap((t) => t.siteIds) } }, select: { id: true, name: true } })).map((s) => [s.id, s]),
  );
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: mine.map((t) => t.createdById) } }, select: { id: true, firstName: true, lastName: true } })).map((u) => [
      u.id,
      `${u.firstName} ${u.lastName}`,
    ]),
  );
  return mine.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    sites: t.siteIds.map((s) => sites.get(s) ?? { id: s, name: s }),
    createdAt: t.createdAt,
    createdBy: users.get(t.createdById) ?? "",
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }));
}

/**
 * The token named by an `Authorization: Bearer …` header, when it exists, is not revoked and has the scope; its
 * last-used time is set. Null otherwise (the caller answers 401). No cache: a revoked token fails on its next use.
 */
export async function tokenPrincipal(authorization: string | null, scope: ApiTokenScope): Promise<ApiTokenPrincipal | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m) return null;
  const t = await db().apiToken.findUnique({ where: { tokenHash: hashToken(m[1]) } });
  if (!t || t.revokedAt || !t.scopes.includes(scope)) return null;
  await db().apiToken.update({ where: { id: t.id }, data: { lastUsedAt: serverNow() } });
  return { tokenId: t.id, name: t.name, siteIds: t.siteIds, scopes: t.scopes };
}

/** How a token appears as the actor of an audit row. */
export const tokenActor = (p: ApiTokenPrincipal) => ({ id: p.tokenId, email: `api-token:${p.name}`, role: "API_TOKEN" });
