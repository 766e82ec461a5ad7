import { authorizeRequest } from "@/lib/auth/authorize";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema } from "@/lib/auth/api-token-schema";
import { ok, parseBody, route } from "@/lib/http/route";

/** POST /api/admin/api-tokens: a new read-only token for the administrator's sites; the secret is in this answer only. */
export const POST = route(async (req) => {
  const user = await authorizeRequest("token.manage");
  return ok(await createApiToken(user, await parseBody(req, createApiTokenSchema)), 201);
});
