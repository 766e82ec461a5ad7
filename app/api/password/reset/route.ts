import { headers } from "next/headers";
import { trustedProxies } from "@/lib/auth/options";
import { resetPasswordWithCode } from "@/lib/auth/password-reset";
import { resetWithCodeSchema } from "@/lib/auth/schema";
import { clientAddress } from "@/lib/auth/session-rules";
import { ok, parseBody, route } from "@/lib/http/route";

/**
 * POST { email, code, password, confirm } — signed out: the user chooses a new password with the one-time
 * code an administrator gave them. Every session of the user ends. Wrong codes count as failed sign-ins.
 */
export const POST = route(async (req) => {
  const input = await parseBody(req, resetWithCodeSchema);
  const ip = clientAddress((await headers()).get("x-forwarded-for"), trustedProxies(), null);
  const { sessionsEnded } = await resetPasswordWithCode(input, { ip });
  return ok({ reset: true, sessionsEnded });
});
