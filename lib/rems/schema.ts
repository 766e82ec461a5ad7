// A new REMS parameter set (R45): what a REMS modification changes, from its effective date on.
// Isomorphic: the form and the route share it. Bounds say what is possible, not what is wise.
import { z } from "zod";
import { calendarDay, dayInYears, number, REMS_START, text } from "@/lib/http/fields";

/** A whole number: numeral text in the form's text box, a JSON number on the wire (lib/http/fields). */
const whole = (what: string, min: number, max: number) =>
  number(`Enter ${what}`).pipe(z.number().int("Whole numbers only").min(min, `At least ${min}`).max(max, `At most ${max}`));

export const remsSetSchema = z
  .object({
    effectiveOn: calendarDay("Enter the date the set takes effect", {
      min: REMS_START,
      max: () => dayInYears(10),
      tooLate: "Check the date: more than 10 years ahead",
    }),
    pmfFormVersion: text("Enter the PMF form version").trim().min(1, "Enter the PMF form version").max(40, "At most 40 characters"),
    minObservationMinutes: whole("minutes", 30, 480),
    pmfRequired: z.boolean().default(true),
    pmfDueDays: whole("days", 1, 60),
    enrollmentGateEnabled: z.boolean().default(true),
    pulseOximetryRequired: z.boolean().default(true),
    deviceSpacingMinutes: whole("minutes", 1, 30),
    fortyMinuteTargetMinutes: whole("minutes", 10, 120),
    fortyMinuteWindowStart: whole("minutes", 5, 120),
    fortyMinuteWindowEnd: whole("minutes", 10, 180),
    preDoseBpGateSystolic: whole("a systolic value", 100, 260),
    preDoseBpGateDiastolic: whole("a diastolic value", 60, 160),
    preCompletionBpWindowMinutes: whole("minutes", 5, 60),
    note: text().trim().max(500, "At most 500 characters").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!(v.fortyMinuteWindowStart <= v.fortyMinuteTargetMinutes && v.fortyMinuteTargetMinutes <= v.fortyMinuteWindowEnd))
      ctx.addIssue({ code: "custom", path: ["fortyMinuteTargetMinutes"], message: "The target must lie within its window" });
    if (v.preDoseBpGateDiastolic >= v.preDoseBpGateSystolic)
      ctx.addIssue({ code: "custom", path: ["preDoseBpGateDiastolic"], message: "Diastolic must be lower than systolic" });
  });
export type RemsSetInput = z.input<typeof remsSetSchema>;
export type RemsSet = z.output<typeof remsSetSchema>;

/** The time zone whose midnight starts a set's effective day: the REMS is national, its dates are read in US Eastern time. */
export const REMS_DATE_ZONE = "America/New_York";
