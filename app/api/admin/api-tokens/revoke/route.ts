import { authorizeRequest } from "@/lib/auth/authorize";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { revokeApiTokenSchema } from "@/lib/auth/api-token-schema";
import { ok, parseBody, route } from "@/lib/http/route";

/** POST /api/admin/api-tokens/revoke { id }: the token is refused from its next request on. */
export const POST = route(async (req) => {
  const user = await authorizeRequest("token.manage");
  await revokeApiToken(user, (await parseBody(req, revokeApiTokenSchema)).id);
  return ok({ revoked: true });
});
