import { z } from "zod";
import { cssrsProblems } from "./cssrs";
import { scoreProblems } from "./rules";

const takenAt = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.date({ message: "Enter a valid time" }).optional());
// A radio button's value is text; an unanswered item is null or empty.
const item = z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : Number(v)), z.number({ error: "Answer every item" }).int());
const items = z.array(item, { error: "Answer every item" });

/** One measure, entered item by item: the total is computed on the server, never typed. */
export const outcomeSchema = z
  .object({ instrument: z.enum(["PHQ9", "MADRS", "CSSRS"], { error: "Choose the scale" }), items, takenAt, sessionId: z.string().max(64).optional() })
  .superRefine((v, ctx) => {
    const problem = v.instrument === "CSSRS" ? cssrsProblems(v.items) : scoreProblems(v.instrument, v.items);
    if (problem) ctx.addIssue({ code: "custom", path: ["items"], message: problem });
  });
export type OutcomeInput = z.input<typeof outcomeSchema>;

/** One antidepressant trial of the current episode, as the prescriber documents it for TRD. */
export const trialSchema = z.object({
  drug: z.string().trim().min(2, "Name the drug").max(100),
  mechanismClass: z.string().trim().min(2, "Give the mechanism class (SSRI, SNRI, …)").max(40),
  doseMg: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number({ error: "Enter the dose in mg" }).int("Whole mg").min(1).max(2000).optional()),
  adequateDose: z.boolean().default(false),
  weeks: z.coerce.number({ error: "Enter the duration in weeks" }).min(0, "Weeks cannot be negative").max(520, "At most 10 years"),
  adherent: z.boolean().default(false),
  outcome: z.enum(["NO_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "REMISSION"], { error: "Choose the outcome" }),
  startedOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date").optional()),
});
export type TrialInput = z.input<typeof trialSchema>;
