import type { Finding } from "@/lib/rems/rule-result";
import type { GateDecisionFact } from "./facts";

/**
 * A GATE (REMS.md strength vocabulary): while its condition holds, the blocked step waits for a
 * prescriber's decision on that rule made at or after `since` (the fact that raised it).
 * "Proceed" lifts it; "delay" keeps the step blocked.
 */
export function gate(decisions: GateDecisionFact[], rule: string, triggered: boolean, message: string, since?: Date | null): Finding | null {
  if (!triggered) return null;
  const relevant = decisions
    .filter((d) => d.rule === rule && (!since || d.decidedAt.getTime() >= since.getTime()))
    .sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime());
  const latest = relevant[0];
  if (!latest) return { code: `${rule}_GATE`, rule, strength: "GATE", message: `Prescriber decision needed: ${message}` };
  if (latest.decision === "DELAY") return { code: `${rule}_DELAYED`, rule, strength: "HARD", message: `The prescriber decided to delay. ${message}` };
  return null;
}
