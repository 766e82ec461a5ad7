import { endpoint } from "@/lib/http/endpoint";
import { transferSchema } from "@/lib/patients/transfer-schema";
import { recordTransfer } from "@/lib/patients/transfers";

/** R42: the patient's treatment moves to another certified setting. */
export const POST = endpoint({ action: "transfer.record", record: { type: "Patient" }, body: transferSchema, status: 201 }, ({ user, params: { id }, input }) =>
  recordTransfer(user, id, input),
);
