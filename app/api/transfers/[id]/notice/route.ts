import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { transferNoticeSchema } from "@/lib/patients/transfer-schema";
import { recordTransferNotice } from "@/lib/patients/transfers";

/** The date the REMS was notified of a transfer, added after it was recorded (once). */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("transfer.record", "PatientTransfer", id);
  const { remsNotifiedOn } = await parseBody(req, transferNoticeSchema);
  return ok(await recordTransferNotice(user, id, remsNotifiedOn));
});
