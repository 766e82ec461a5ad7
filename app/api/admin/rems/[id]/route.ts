import { command } from "@/lib/http/command";
import { withdrawRemsSet } from "@/lib/rems/sets";

/** Withdraws a set that has not taken effect; a set in force or past is 409. */
export const DELETE = command({ action: "rems.manage" }, ({ user, params: { id } }) => withdrawRemsSet(user, id));
