import { requireSignedIn } from "@/lib/auth/authorize";
import { currentSessionId } from "@/lib/auth/current-user";
import { changeOwnPassword } from "@/lib/auth/password-reset";
import { changePasswordSchema } from "@/lib/auth/schema";
import { ok, parseBody, route } from "@/lib/http/route";

/** POST { currentPassword, password, confirm } — any signed-in user changes their own password; their other sessions end. */
export const POST = route(async (req) => {
  const user = await requireSignedIn();
  const input = await parseBody(req, changePasswordSchema);
  return ok(await changeOwnPassword(user, input, (await currentSessionId()) ?? undefined));
});
