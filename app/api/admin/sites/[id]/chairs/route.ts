import { endpoint } from "@/lib/http/endpoint";
import { addChair } from "@/lib/sites/data";
import { chairCreateSchema } from "@/lib/sites/schema";

// Only an administrator of this site (another site "does not exist": 404).
export const POST = endpoint(
  { action: "site.manage", record: { type: "Site" }, body: chairCreateSchema, status: 201 },
  ({ user, params: { id }, input: { label } }) => addChair(user, id, label),
);
