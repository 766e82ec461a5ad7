import { endpoint } from "@/lib/http/endpoint";
import { changeAuthorizedRepresentative } from "@/lib/sites/data";
import { arChangeSchema } from "@/lib/sites/schema";

/** POST a new Authorized Representative: closes the current one and requires re-certification (R2). */
// Only an administrator of this site (another site "does not exist": 404).
export const POST = endpoint({ action: "site.manage", record: { type: "Site" }, body: arChangeSchema, status: 201 }, ({ user, params: { id }, input }) =>
  changeAuthorizedRepresentative(user, id, input),
);
