import { command } from "@/lib/http/command";
import { transferNoticeSchema } from "@/lib/patients/transfer-schema";
import { recordTransferNotice } from "@/lib/patients/transfers";

/** The date the REMS was notified of a transfer, added after it was recorded (once). */
export const POST = command(
  { action: "transfer.record", record: { type: "PatientTransfer" }, body: transferNoticeSchema },
  ({ user, params: { id }, input: { remsNotifiedOn } }) => recordTransferNotice(user, id, remsNotifiedOn),
);
