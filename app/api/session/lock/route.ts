import { endCurrentSession } from "@/lib/auth/current-user";
import { ok, route } from "@/lib/http/route";

// Called by the tablet's idle lock before it signs out, so the audit trail says "idle", not "logout".
export const POST = route(async () => {
  await endCurrentSession("idle");
  return ok({ locked: true });
});
