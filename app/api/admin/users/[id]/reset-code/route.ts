import { authorizeRecord } from "@/lib/auth/authorize-record";
import { issueResetCode } from "@/lib/auth/password-reset";
import { ok, route } from "@/lib/http/route";

/**
 * POST: a one-time code with which the user chooses a new password (shown once, 24 h, audited without
 * the code). Administrators never set a password themselves.
 */
export const POST = route<{ params: Promise<{ id: string }> }>(async (_req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("user.manage", "User", id);
  return ok(await issueResetCode(user, id), 201);
});
