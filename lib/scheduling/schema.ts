// Inputs of the schedule, one zod schema each, shared by the forms and the route handlers.
import { z } from "zod";
import { calendarDay, instant, text } from "@/lib/http/fields";

const required = (message: string) => text(message).min(1, message);

/** Book a chair block: the start is one of the site's block starts (checked by the command, in the site's zone). */
export const bookAppointmentSchema = z.object({
  patientId: required("Choose the patient"),
  chairId: required("Choose a chair"),
  startsAt: instant({ notFuture: false, message: "Choose the start time" }),
  monitoringNurseId: required("Choose the monitoring nurse"),
  acknowledgedWarnings: z.array(text()).max(20).default([]),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

/** A no-show or a cancellation is recorded with its reason. */
export const appointmentReasonSchema = z.object({
  reason: text("Say why").trim().min(3, "Say why (at least 3 characters)").max(500, "Keep the reason under 500 characters"),
});
export type AppointmentReasonInput = z.input<typeof appointmentReasonSchema>;

/** ?site=…&date=YYYY-MM-DD for the day and week views. */
export const scheduleQuerySchema = z.object({
  site: z.string().optional(),
  date: calendarDay("Enter a valid date").optional(),
});
