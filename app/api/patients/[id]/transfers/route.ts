import { authorizeRecord } from "@/lib/auth/authorize-record";
import { ok, parseBody, route } from "@/lib/http/route";
import { transferSchema } from "@/lib/patients/transfer-schema";
import { recordTransfer } from "@/lib/patients/transfers";

/** R42: the patient's treatment moves to another certified setting. */
export const POST = route<{ params: Promise<{ id: string }> }>(async (req, ctx) => {
  const { id } = await ctx.params;
  const user = await authorizeRecord("transfer.record", "Patient", id);
  return ok(await recordTransfer(user, id, await parseBody(req, transferSchema)), 201);
});
