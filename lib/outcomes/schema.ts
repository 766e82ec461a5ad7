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
