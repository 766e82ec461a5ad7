// A prior authorization as the payer wrote it: one zod schema shared by the form and the route handler.
import { z } from "zod";
import { calendarDay, REMS_START, text, wholeNumber } from "@/lib/http/fields";

export const phaseSchema = z.object({
  sessionsPerWeek: wholeNumber("sessions a week", 1, 7),
  weeks: wholeNumber("the number of weeks", 1, 104),
});

export const priorAuthorizationSchema = z
  .object({
    payerName: text("Enter the payer").trim().min(2, "Enter the payer").max(120, "Keep the payer under 120 characters"),
    reference: text("Enter the authorization reference").trim().min(1, "Enter the authorization reference").max(80, "Keep the reference under 80 characters"),
    startDate: calendarDay("Enter the first approved day", { min: REMS_START }),
    endDate: calendarDay("Enter the last approved day", { min: REMS_START }),
    phases: z.array(phaseSchema).min(1, "Enter the approved frequency").max(6, "At most 6 frequency phases"),
    sessionsApproved: wholeNumber("the number of sessions approved", 1, 200),
    note: text().trim().max(500, "Keep the note under 500 characters").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The last approved day is before the first" });
  });
export type PriorAuthorizationInput = z.input<typeof priorAuthorizationSchema>;
export type PriorAuthorization = z.output<typeof priorAuthorizationSchema>;
