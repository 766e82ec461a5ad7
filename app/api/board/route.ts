import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, route } from "@/lib/http/route";
import { boardFor } from "@/lib/sessions/view";

/** GET /api/board — the chair board's data, with the server's clock (the tablet's may be wrong). */
export const GET = route(async () => {
  const user = await authorizeRequest("board.view");
  const now = new Date();
  return ok({ serverNow: now.toISOString(), cards: await boardFor(user.siteIds, now) });
});
