import { endpoint } from "@/lib/http/endpoint";
import { addFlag } from "@/lib/patients/flags";
import { addFlagSchema } from "@/lib/patients/schema";

/** POST { kind, note } — prescribers only (R47). */
export const POST = endpoint({ action: "flag.manage", record: { type: "Patient" }, body: addFlagSchema, status: 201 }, ({ user, params: { id }, input }) =>
  addFlag(user, id, input),
);
