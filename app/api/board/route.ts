import { endpoint } from "@/lib/http/endpoint";
import { boardFor } from "@/lib/sessions/view";
import { boardSchedule } from "@/lib/scheduling/data";

/** GET /api/board — the chair board's data, with the server's clock (the tablet's may be wrong). */
export const GET = endpoint({ action: "board.view" }, async ({ user }) => {
  const now = new Date();
  const [cards, schedule] = await Promise.all([boardFor(user.siteIds, now), boardSchedule(user.siteIds, now)]);
  return { serverNow: now.toISOString(), cards, schedule };
});
