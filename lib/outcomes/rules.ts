// Outcome measures (REMS.md §3.4, §3.5): totals are computed from item scores, never typed.
export type Instrument = "PHQ9" | "MADRS";

const SHAPE: Record<Instrument, { items: number; max: number }> = { PHQ9: { items: 9, max: 3 }, MADRS: { items: 10, max: 6 } };

export function scoreProblems(instrument: Instrument, items: number[]): string | null {
  const { items: n, max } = SHAPE[instrument];
  if (items.length !== n) return `${instrument === "PHQ9" ? "PHQ-9" : "MADRS"} has ${n} items; ${items.length} were given.`;
  if (items.some((x) => !Number.isInteger(x) || x < 0 || x > max)) return `Each item is scored 0–${max}.`;
  return null;
}

export function total(instrument: Instrument, items: number[]): number {
  const problem = scoreProblems(instrument, items);
  if (problem) throw new Error(problem);
  return items.reduce((a, b) => a + b, 0);
}

/** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0 needs immediate follow-up, whatever the total. */
export const phq9Item9Flag = (items: number[]) => (items[8] ?? 0) > 0;

export function phq9Severity(totalScore: number): "minimal" | "mild" | "moderate" | "moderately severe" | "severe" {
  if (totalScore <= 4) return "minimal";
  if (totalScore <= 9) return "mild";
  if (totalScore <= 14) return "moderate";
  if (totalScore <= 19) return "moderately severe";
  return "severe";
}

/** Response: a fall of at least 50 % from baseline. */
export const isResponse = (baseline: number, current: number) => baseline > 0 && current <= baseline * 0.5;

/** Remission: PHQ-9 below 5; MADRS 12 or less (SPRAVATO trials). */
export const isRemission = (instrument: Instrument, current: number) => (instrument === "PHQ9" ? current < 5 : current <= 12);
