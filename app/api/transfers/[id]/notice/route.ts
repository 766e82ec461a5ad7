import { endpoint } from "@/lib/http/endpoint";
import { transferNoticeSchema } from "@/lib/patients/transfer-schema";
import { recordTransferNotice } from "@/lib/patients/transfers";

/** The date the REMS was notified of a transfer, added after it was recorded (once). */
export const POST = endpoint(
  { action: "transfer.record", record: { type: "PatientTransfer" }, body: transferNoticeSchema },
  ({ user, params: { id }, input: { remsNotifiedOn } }) => recordTransferNotice(user, id, remsNotifiedOn),
);
