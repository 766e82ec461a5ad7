// R42: a patient's treatment moves to another certified setting. Isomorphic: form and route share it.
import { z } from "zod";
import { calendarDay, dayInYears, optionalCalendarDay, REMS_START, text } from "@/lib/http/fields";

// Transfers happen under the REMS (from 2019); a transfer may be planned up to 5 years ahead, a notice is never in the future.
const transferDay = (message: string) =>
  calendarDay(message, { min: REMS_START, max: () => dayInYears(5), tooLate: "Check the date: more than 5 years ahead" });
// "Not in the future" is the server's check, in the site's calendar (lib/patients/transfers).
const optionalDay = optionalCalendarDay("Enter a date", { min: REMS_START });

export const transferSchema = z.object({
  toSettingName: text("Enter the certified setting the treatment moves to")
    .trim()
    .min(2, "Enter the certified setting the treatment moves to")
    .max(200, "At most 200 characters"),
  transferDate: transferDay("Enter the transfer date"),
  /** The day the REMS was told; may be added later (R42 asks for it before the transfer date). */
  remsNotifiedOn: optionalDay,
});
export type TransferInput = z.input<typeof transferSchema>;
export type Transfer = z.output<typeof transferSchema>;

export const transferNoticeSchema = z.object({
  remsNotifiedOn: calendarDay("Enter the date the REMS was notified", { min: REMS_START }),
});
export type TransferNoticeInput = z.input<typeof transferNoticeSchema>;
