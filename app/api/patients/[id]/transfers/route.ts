import { command } from "@/lib/http/command";
import { transferSchema } from "@/lib/patients/transfer-schema";
import { recordTransfer } from "@/lib/patients/transfers";

/** R42: the patient's treatment moves to another certified setting. */
export const POST = command({ action: "transfer.record", record: { type: "Patient" }, body: transferSchema, status: 201 }, ({ user, params: { id }, input }) =>
  recordTransfer(user, id, input),
);
