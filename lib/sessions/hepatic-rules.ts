// R48 (label §8.6): hepatic impairment, a patient attribute recorded by a prescriber.
import type { Finding } from "@/lib/rems/rule-result";
import type { GateDecisionFact } from "./facts";
import { gate } from "./gates";

export type HepaticImpairment = "NONE" | "MODERATE" | "SEVERE";

export const HEPATIC_LABEL: Record<HepaticImpairment, string> = {
  NONE: "None known",
  MODERATE: "Moderate (Child-Pugh B)",
  SEVERE: "Severe (Child-Pugh C)",
};

/**
 * R48, severe: use is not recommended (not studied), so every session's first device waits for the
 * prescriber's benefit/risk decision on this session. Proceed lifts it; delay keeps dosing blocked.
 */
export function hepaticImpairmentGate(level: HepaticImpairment | undefined, decisions: GateDecisionFact[]): Finding | null {
  return gate(
    decisions,
    "R48",
    level === "SEVERE",
    "severe hepatic impairment (Child-Pugh C): esketamine has not been studied and its use is not recommended; document the benefit/risk decision.",
  );
}

/**
 * R48, moderate: a SOFT notice on the discharge assessment. It lists nothing as unmet and never moves the
 * earliest discharge (R30): longer monitoring is the nurse's and prescriber's judgement.
 */
export function hepaticDischargeNotice(level: HepaticImpairment | undefined): Finding | null {
  if (level !== "MODERATE") return null;
  return {
    code: "R48_MODERATE_HEPATIC",
    rule: "R48",
    strength: "SOFT",
    message:
      "Moderate hepatic impairment (Child-Pugh B) — label: may need longer monitoring for adverse reactions. Discharge only when you judge the patient ready.",
  };
}
