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

/** What a GATE is about, in plain words (the rule code stays for audit views and tooltips). */
const GATE_NAMES: Record<string, string> = {
  R9: "caution flag (benefit/risk)",
  R14: "pre-dose BP above 140/90",
  R21: "84 mg at the first TRD session",
  R22: "MDSI beyond 4 weeks",
  R32: "pre-discharge BP above 140/90 and not decreasing",
  R35: "vital signs not acceptable before completion",
  R48: "severe hepatic impairment (benefit/risk)",
};
export const gateName = (rule: string): string => GATE_NAMES[rule] ?? "prescriber decision";
