import "server-only";
import { recordAudit } from "@/lib/audit/data";
import { authorizeRequest } from "@/lib/auth/authorize";
import { tokenActor, tokenPrincipal } from "@/lib/auth/api-tokens";
import type { Action } from "@/lib/auth/permissions";
import { HttpError, notFoundError } from "@/lib/http/errors";

export type FhirActor = { id: string; email: string; role: string; via: "session" | "token" };

/**
 * Who reads a FHIR route: an API token (`Authorization: Bearer …`, read scope, the record's site among its sites)
 * or the signed-in user (role and site from the permission table). Only the FHIR GET routes call this: a bearer
 * token is accepted nowhere else. Refusals are audited.
 */
export async function fhirReader(req: Request, action: Action, scope: { siteId: string; entityType: string; entityId: string }): Promise<FhirActor> {
  const authorization = req.headers.get("authorization");
  if (!authorization) {
    const user = await authorizeRequest(action, scope);
    return { id: user.id, email: user.email, role: user.role, via: "session" };
  }
  const token = await tokenPrincipal(authorization, "fhir.read");
  if (!token) {
    await recordAudit({
      actor: null,
      action: "access.denied",
      entityType: scope.entityType,
      entityId: scope.entityId,
      siteId: scope.siteId,
      reason: "API token unknown, revoked or without the FHIR read scope",
    });
    throw new HttpError(401, "INVALID_TOKEN", "The API token is not valid (unknown or revoked).");
  }
  const actor = tokenActor(token);
  if (!token.siteIds.includes(scope.siteId)) {
    await recordAudit({
      actor,
      action: "access.denied",
      entityType: scope.entityType,
      entityId: scope.entityId,
      siteId: scope.siteId,
      reason: "site not in the API token's sites",
    });
    throw notFoundError();
  }
  return { ...actor, via: "token" };
}
