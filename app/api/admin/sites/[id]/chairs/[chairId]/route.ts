import { endpoint } from "@/lib/http/endpoint";
import { updateChair } from "@/lib/sites/data";
import { chairUpdateSchema } from "@/lib/sites/schema";

/** PATCH { label, active }: rename a chair or take it out of (or back into) service. */
// Only an administrator of this site (another site "does not exist": 404).
export const PATCH = endpoint({ action: "site.manage", record: { type: "Site" }, body: chairUpdateSchema }, ({ user, params: { id, chairId }, input }) =>
  updateChair(user, id, chairId, input),
);
