// Treatment-resistant depression documentation: antidepressant trials in the current episode.
export type Trial = {
  drug: string;
  mechanismClass: string;
  adequateDose: boolean;
  weeks: number;
  adherent: boolean;
  outcome: "NO_RESPONSE" | "PARTIAL_RESPONSE" | "INTOLERANCE" | "REMISSION";
};

/** Adequate = an adequate dose for at least 6 weeks with adherence. Intolerance is recorded but never a failed adequate trial. */
export function trialIsAdequate(t: Trial): boolean {
  return t.outcome !== "INTOLERANCE" && t.adequateDose && t.adherent && t.weeks >= 6;
}

/** Why a trial does not count as an adequate failed trial, in the words a reviewer reads; null when it counts. */
export function whyNotAdequate(t: Trial): string | null {
  if (t.outcome === "INTOLERANCE") return "stopped for intolerance (recorded, not a failed adequate trial)";
  if (t.outcome === "REMISSION") return "remission";
  const reasons = [
    !t.adequateDose && "dose below adequate",
    t.weeks < 6 && `${formatWeeks(t.weeks)}, under 6 weeks`,
    !t.adherent && "not taken as prescribed",
  ].filter(Boolean);
  return reasons.length ? reasons.join("; ") : null;
}

/** 5.857 weeks reads "5 weeks 6 days". */
export function formatWeeks(weeks: number): string {
  // Whole days, rounded down: 5.95 weeks is "5 weeks 6 days", never "6 weeks" for a trial that falls short.
  // The hundredth of a day forgives a typed 5.857 (= 41 days to three decimals).
  const days = Math.floor(weeks * 7 + 0.01);
  const w = Math.floor(days / 7),
    d = days % 7;
  return `${w} week${w === 1 ? "" : "s"}${d ? ` ${d} day${d === 1 ? "" : "s"}` : ""}`;
}

export type TrdSummary = { met: boolean; adequateFailed: Trial[]; mechanisms: string[]; reason: string };

/** ≥ 2 adequate trials of different mechanisms without remission in the current episode. */
export function trdCriteria(trials: Trial[]): TrdSummary {
  const adequateFailed = trials.filter((t) => trialIsAdequate(t) && t.outcome !== "REMISSION");
  const mechanisms = [...new Set(adequateFailed.map((t) => t.mechanismClass.trim().toUpperCase()))];
  const met = adequateFailed.length >= 2 && mechanisms.length >= 2;
  const reason = met
    ? `${adequateFailed.length} adequate trials without remission, ${mechanisms.length} mechanisms (${mechanisms.join(", ")}).`
    : adequateFailed.length < 2
      ? `${adequateFailed.length} adequate trial${adequateFailed.length === 1 ? "" : "s"} without remission; 2 are needed.`
      : `The adequate trials share one mechanism (${mechanisms[0]}); 2 different mechanisms are needed.`;
  return { met, adequateFailed, mechanisms, reason };
}
