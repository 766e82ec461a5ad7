import { z } from "zod";
import { calendarDay, latestDayNow, number, optionalInstant, text } from "@/lib/http/fields";
import { cssrsProblems } from "./cssrs";
import { scoreProblems } from "./rules";

const takenAt = optionalInstant();
// A radio button's value is text in the browser; on the wire an item is a JSON number. Unanswered is null or empty.
const item = number("Answer every item").pipe(z.number().int("Answer every item"));
const items = z.array(item, { error: "Answer every item" });

/** One measure, entered item by item: the total is computed on the server, never typed. */
export const outcomeSchema = z
  .object({ instrument: z.enum(["PHQ9", "MADRS", "CSSRS"], { error: "Choose the scale" }), items, takenAt, sessionId: text().max(64).optional() })
  .superRefine((v, ctx) => {
    const problem = v.instrument === "CSSRS" ? cssrsProblems(v.items) : scoreProblems(v.instrument, v.items);
    if (problem) ctx.addIssue({ code: "custom", path: ["items"], message: problem });
  });
export type OutcomeInput = z.input<typeof outcomeSchema>;

/** One antidepressant trial of the current episode, as the prescriber documents it for TRD. */
export const trialSchema = z.object({
  drug: text().trim().min(2, "Name the drug").max(100),
  mechanismClass: text().trim().min(2, "Give the mechanism class (SSRI, SNRI, …)").max(40),
  doseMg: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    number("Enter the dose in mg").pipe(z.number().int("Whole mg").min(1, "At least 1 mg").max(2000, "At most 2000 mg")).optional(),
  ),
  adequateDose: z.boolean().default(false),
  weeks: number("Enter the duration in weeks").pipe(z.number().min(0, "Weeks cannot be negative").max(520, "At most 10 years")),
  adherent: z.boolean().default(false),
  outcome: z.enum(["NO_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "REMISSION"], { error: "Choose the outcome" }),
  /** A trial of the current episode: a real day, not in the future, not before 1900. */
  startedOn: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    calendarDay("Enter a date", { min: "1900-01-01", max: latestDayNow, tooLate: "The trial cannot start in the future" }).optional(),
  ),
});
export type TrialInput = z.input<typeof trialSchema>;
