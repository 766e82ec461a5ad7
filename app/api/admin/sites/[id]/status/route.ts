import { endpoint } from "@/lib/http/endpoint";
import { setSiteActive } from "@/lib/sites/data";
import { siteStatusSchema } from "@/lib/sites/schema";

/** POST { active: false } deactivates the site (no new sessions, history kept); { active: true } reactivates it. */
// Only an administrator of this site may close it (another site "does not exist": 404).
export const POST = endpoint({ action: "site.manage", record: { type: "Site" }, body: siteStatusSchema }, ({ user, params: { id }, input: { active } }) =>
  setSiteActive(user, id, active),
);
