import { endpoint } from "@/lib/http/endpoint";
import { updateSite } from "@/lib/sites/data";
import { siteSchema } from "@/lib/sites/schema";

/** PATCH with the version the form was loaded at: 409 if someone saved in between. */
// Only an administrator of this site (another site "does not exist": 404).
export const PATCH = endpoint({ action: "site.manage", record: { type: "Site" }, body: siteSchema }, ({ user, params: { id }, input }) =>
  updateSite(user, id, input),
);
