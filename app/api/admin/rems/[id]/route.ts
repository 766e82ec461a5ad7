import { endpoint } from "@/lib/http/endpoint";
import { withdrawRemsSet } from "@/lib/rems/sets";

/** Withdraws a set that has not taken effect; a set in force or past is 409. */
export const DELETE = endpoint({ action: "rems.manage" }, ({ user, params: { id } }) => withdrawRemsSet(user, id));
