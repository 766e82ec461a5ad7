import { authorizeRequest } from "@/lib/auth/authorize";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { ok, route } from "@/lib/http/route";

/** POST /api/admin/api-tokens/{id}/revoke: refused from the next request on. */
export const POST = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await authorizeRequest("token.manage");
  await revokeApiToken(user, (await ctx.params).id);
  return ok({ revoked: true });
});
