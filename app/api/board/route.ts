import { authorizeRequest } from "@/lib/auth/authorize";
import { ok, route } from "@/lib/http/route";
import { boardFor } from "@/lib/sessions/view";
import { boardSchedule } from "@/lib/scheduling/data";

/** GET /api/board — the chair board's data, with the server's clock (the tablet's may be wrong). */
export const GET = route(async () => {
  const user = await authorizeRequest("board.view");
  const now = new Date();
  const [cards, schedule] = await Promise.all([boardFor(user.siteIds, now), boardSchedule(user.siteIds, now)]);
  return ok({ serverNow: now.toISOString(), cards, schedule });
});
