import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/data";
import { forbiddenError, HttpError, notFoundError, unauthenticated } from "@/lib/http/errors";
import { can, type Action } from "./permissions";
import { currentPath, lookupSession, type CurrentUser } from "./current-user";
import { administers } from "./site-scope";

/**
 * `siteId`: one record's site. `siteIds`: every site the act touches (an administrator's user or site
 * record, or the sites being granted) — all must be the user's own (site-scope.ts `administers`).
 */
export type Scope = { siteId?: string | null; siteIds?: readonly string[]; entityType?: string; entityId?: string | null };

type Decision = { ok: true; user: CurrentUser } | { ok: false; status: 401 | 403 | 404; ended?: string };

/**
 * The one authorization check. Role comes from the permission table; a scope with a siteId must be
 * one of the user's sites (otherwise the record "does not exist": 404). Every denial is audited.
 */
export async function checkAccess(action: Action, scope?: Scope): Promise<Decision> {
  const lookup = await lookupSession();
  if (!lookup.user) return { ok: false, status: 401, ended: lookup.ended };
  const user = lookup.user;
  const roleOk = can(user.role, action);
  const siteOk =
    (!scope || !("siteId" in scope) || (!!scope.siteId && user.siteIds.includes(scope.siteId))) && (!scope?.siteIds || administers(user, scope.siteIds));
  if (roleOk && siteOk) return { ok: true, user };
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "access.denied",
    entityType: scope?.entityType ?? "Route",
    entityId: scope?.entityId ?? (await currentPath()),
    siteId: scope?.siteId ?? scope?.siteIds?.find((s) => !user.siteIds.includes(s)) ?? null,
    reason: roleOk ? `site not permitted for ${action}` : `role ${user.role} lacks ${action}`,
  });
  return { ok: false, status: roleOk ? 404 : 403 };
}

/** For pages and layouts: sign-in redirect (back to this page), 403 page or 404 page. */
export async function authorizePage(action: Action, scope?: Scope): Promise<CurrentUser> {
  const d = await checkAccess(action, scope);
  if (d.ok) return d.user;
  if (d.status === 401) {
    const back = encodeURIComponent(await currentPath());
    redirect(`/sign-in?callbackUrl=${back}${d.ended && d.ended !== "none" ? `&reason=${d.ended}` : ""}`);
  }
  if (d.status === 403) forbidden();
  notFound();
}

/** For route handlers: throws an HttpError that lib/http/route.ts turns into 401/403/404 JSON. */
export async function authorizeRequest(action: Action, scope?: Scope): Promise<CurrentUser> {
  const d = await checkAccess(action, scope);
  if (d.ok) return d.user;
  throw d.status === 401 ? unauthenticated() : d.status === 403 ? forbiddenError() : notFoundError();
}

/** Any signed-in user (pages every role sees, like the home redirect). */
export async function requireUser(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.user) return lookup.user;
  const back = encodeURIComponent(await currentPath());
  redirect(`/sign-in?callbackUrl=${back}${lookup.ended !== "none" ? `&reason=${lookup.ended}` : ""}`);
}

export { HttpError };

/** For route handlers every signed-in user may call (their own account): 401 JSON otherwise. */
export async function requireSignedIn(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.user) return lookup.user;
  throw unauthenticated();
}
