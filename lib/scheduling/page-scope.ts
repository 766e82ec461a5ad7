import "server-only";
import { authorizePage } from "@/lib/auth/authorize";
import type { Action } from "@/lib/auth/permissions";
import { siteDay } from "@/lib/time/days";
import { scheduleQuerySchema } from "./schema";

/** The schedule pages' site (?site=…, one of the user's, else their first) and day (?date=…, else the site's today). */
export async function schedulePageScope(action: Action, params: { site?: string; date?: string }) {
  const q = scheduleQuerySchema.safeParse(params);
  const wanted = q.success ? q.data.site : undefined;
  const user = await authorizePage(action, wanted ? { siteId: wanted, entityType: "Site", entityId: wanted } : undefined);
  const site = user.sites.find((s) => s.id === wanted) ?? user.sites[0];
  if (!site) return { user, site: null, today: "", date: "" };
  const today = siteDay(new Date(), site.timeZone);
  return { user, site, today, date: (q.success && q.data.date) || today };
}
