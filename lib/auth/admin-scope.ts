import "server-only";
import { recordAudit } from "@/lib/audit/data";
import { HttpError, notFoundError } from "@/lib/http/errors";
import { administers, type SiteScopedActor } from "./site-scope";

export { administers, type SiteScopedActor };

/**
 * The administrator's scope, enforced where the data is written: every site named must be one the
 * actor administers (a site on their own account). A site given in the request (a grant, a new
 * user's sites) is refused with 403; a record addressed by id at another site "does not exist" (404).
 * The refusal is audited like every other denial (`access.denied`).
 */
export async function requireAdministers(
  actor: SiteScopedActor,
  siteIds: readonly string[],
  how: { refuse: 403 | 404; entityType: string; entityId?: string | null; field?: string; what?: string },
): Promise<void> {
  if (administers(actor, siteIds)) return;
  await recordAudit({
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: "access.denied",
    entityType: how.entityType,
    entityId: how.entityId ?? null,
    siteId: siteIds.find((s) => !actor.siteIds.includes(s)) ?? null,
    reason: "site not administered by this user",
  });
  if (how.refuse === 404) throw notFoundError(how.what ?? how.entityType);
  const message = "You can only give access to sites you administer.";
  throw new HttpError(403, "SITE_NOT_ADMINISTERED", message, how.field ? { [how.field]: [message] } : undefined);
}
