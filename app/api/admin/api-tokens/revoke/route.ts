import { revokeApiToken } from "@/lib/auth/api-tokens";
import { revokeApiTokenSchema } from "@/lib/auth/api-token-schema";
import { endpoint } from "@/lib/http/endpoint";

/** POST /api/admin/api-tokens/revoke { id }: the token is refused from its next request on. */
export const POST = endpoint({ action: "token.manage", body: revokeApiTokenSchema }, async ({ user, input }) => {
  await revokeApiToken(user, input.id);
  return { revoked: true };
});
