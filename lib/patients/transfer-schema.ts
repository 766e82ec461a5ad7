// R42: a patient's treatment moves to another certified setting. Isomorphic: form and route share it.
import { z } from "zod";

const isoDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const optionalDay = z.string().trim().refine((s) => s === "" || isoDay(s), "Enter a date").optional().default("");

export const transferSchema = z.object({
  toSettingName: z.string({ message: "Enter the certified setting the treatment moves to" }).trim()
    .min(2, "Enter the certified setting the treatment moves to").max(200, "At most 200 characters"),
  transferDate: z.string({ message: "Enter the transfer date" }).trim().refine(isoDay, "Enter the transfer date"),
  /** The day the REMS was told; may be added later (R42 asks for it before the transfer date). */
  remsNotifiedOn: optionalDay,
});
export type TransferInput = z.input<typeof transferSchema>;
export type Transfer = z.output<typeof transferSchema>;

export const transferNoticeSchema = z.object({
  remsNotifiedOn: z.string({ message: "Enter the date the REMS was notified" }).trim().refine(isoDay, "Enter the date the REMS was notified"),
});
export type TransferNoticeInput = z.input<typeof transferNoticeSchema>;
