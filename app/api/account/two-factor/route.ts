import { z } from "zod";
import { requireSignedIn } from "@/lib/auth/authorize";
import { disableTotp, enableTotp } from "@/lib/auth/totp";
import { ok, parseBody, route } from "@/lib/http/route";

const enableSchema = z.object({ secret: z.string().trim().max(64), code: z.string().trim().min(1, "Enter the code from the app").max(10) });
const disableSchema = z.object({ password: z.string().min(1, "Enter your current password").max(200) });

/** POST { secret, code } — turn on two-step sign-in (psychiatrists and administrators); answers the recovery codes once. */
export const POST = route(async (req) => {
  const me = await requireSignedIn();
  const { secret, code } = await parseBody(req, enableSchema);
  return ok(await enableTotp(me, secret, code), 201);
});

/** DELETE { password } — turn it off again, with the current password. */
export const DELETE = route(async (req) => {
  const me = await requireSignedIn();
  const { password } = await parseBody(req, disableSchema);
  await disableTotp(me, password);
  return ok({ enabled: false });
});
