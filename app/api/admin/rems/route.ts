import { endpoint } from "@/lib/http/endpoint";
import { remsSetSchema } from "@/lib/rems/schema";
import { createRemsSet } from "@/lib/rems/sets";

/** R45: a new parameter set, taking effect on a future day. */
export const POST = endpoint({ action: "rems.manage", body: remsSetSchema, status: 201 }, ({ user, input }) => createRemsSet(user, input));
