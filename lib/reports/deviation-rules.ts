// Protocol-deviation report (REMS.md §6): what went outside the protocol in one session, derived from
// the session's own record — the readings, the prescriber's GATE decisions, and the SOFT warnings a
// user acknowledged (kept in the audit trail) — so the report never disagrees with the chart.
import type { RemsParameters } from "@/lib/rems/parameters";
import { byTime, live, type Vital } from "@/lib/sessions/facts";
import { fortyMinuteReading } from "@/lib/sessions/observation-rules";
import { latestPreDoseBp } from "@/lib/sessions/predose-rules";

export type DeviationKind = "forty_minute" | "spo2" | "gate" | "override" | "recorded";

export type SessionDeviation = { kind: DeviationKind; code: string; message: string };

export type DeviationFacts = {
  t0: Date | null;
  /** End of monitoring, or now for a session still in progress. */
  end: Date;
  params: Pick<RemsParameters, "fortyMinuteTargetMinutes" | "fortyMinuteWindowStart" | "fortyMinuteWindowEnd" | "pulseOximetryRequired">;
  vitals: Vital[];
  decisions: { rule: string; decision: "PROCEED" | "DELAY"; reason: string; prescriber: string }[];
  /** SOFT warnings acknowledged when proceeding: from the audit rows of the step (e.g. device.administer). */
  acknowledgements: { codes: string[]; by: string; step: string }[];
  /** ProtocolDeviation rows written at discharge. */
  recorded: { code: string; description: string }[];
};

const RULE_NAMES: Record<string, string> = {
  R9: "caution flag (benefit/risk)", R14: "pre-dose BP above 140/90", R21: "84 mg at the first TRD session", R22: "MDSI beyond 4 weeks",
  R32: "pre-discharge BP above 140/90 and not decreasing", R35: "vital signs not acceptable before completion",
};
const WARNING_NAMES: Record<string, string> = {
  R12_FOOD: "food less than 2 hours before the first device", R12_LIQUID: "liquid less than 30 minutes before the first device",
  R12_NASAL_MED: "nasal corticosteroid or decongestant less than 1 hour before", R24_FREQUENCY: "more sessions than the schedule in 7 days",
  R21_DOSE_STEP: "dose change of more than one 28 mg step", R10_MDSI_NO_ORAL_AD: "MDSI without an oral antidepressant",
  R16_BP_CAUTION: "psychostimulant or MAOI today (BP caution)", R16_SEDATION_CAUTION: "CNS depressant today (sedation caution)",
};

export function sessionDeviations(f: DeviationFacts): SessionDeviation[] {
  const out: SessionDeviation[] = [];
  if (f.t0) {
    // R25: the designated 40-minute reading outside 30–50 minutes, or none once the window has passed.
    const forty = fortyMinuteReading(f.vitals, f.t0, { ...f.params } as RemsParameters, f.end);
    if (forty.state === "recorded" && forty.deviation)
      out.push({ kind: "forty_minute", code: "R25_OUTSIDE_WINDOW", message: `40-minute BP taken at ${Math.floor(forty.minutesAfterT0)} minutes (window ${f.params.fortyMinuteWindowStart}–${f.params.fortyMinuteWindowEnd}).` });
    if (forty.state === "overdue") out.push({ kind: "forty_minute", code: "R25_MISSING", message: "No 40-minute BP recorded." });

    // R27: SpO2 at baseline, at the pre-discharge assessment, and with every vitals set.
    if (f.params.pulseOximetryRequired) {
      const baseline = latestPreDoseBp(f.vitals, f.t0);
      if (baseline && baseline.spo2 == null) out.push({ kind: "spo2", code: "R27_SPO2_BASELINE", message: "No SpO₂ with the pre-dose reading." });
      const post = byTime(live(f.vitals)).filter((v) => v.takenAt >= f.t0! && v.takenAt <= f.end && v.systolic != null);
      const last = post.at(-1);
      if (last && last.spo2 == null) out.push({ kind: "spo2", code: "R27_SPO2_PRE_DISCHARGE", message: "No SpO₂ with the last (pre-discharge) reading." });
      const others = post.slice(0, -1).filter((v) => v.spo2 == null).length;
      if (others) out.push({ kind: "spo2", code: "R27_SPO2_MISSING", message: `${others} other post-dose ${others === 1 ? "reading" : "readings"} without SpO₂.` });
    }
  }
  for (const d of f.decisions)
    out.push({ kind: "gate", code: `${d.rule}_GATE`, message: `GATE ${d.rule} (${RULE_NAMES[d.rule] ?? "prescriber decision"}): ${d.decision === "PROCEED" ? "proceed" : "delay"} — ${d.prescriber}: “${d.reason}”` });
  // Each device's audit row repeats the warnings in force: one line per warning, at its first acknowledgement.
  const seen = new Set<string>();
  for (const a of f.acknowledgements)
    for (const code of a.codes)
      if (!seen.has(code) && seen.add(code)) out.push({ kind: "override", code, message: `Warning acknowledged at ${a.step} by ${a.by}: ${WARNING_NAMES[code] ?? code}.` });
  // A deviation written at discharge that the derivation above does not reproduce (e.g. a rule since changed) still shows.
  for (const r of f.recorded) if (!out.some((o) => o.code === r.code)) out.push({ kind: "recorded", code: r.code, message: r.description });
  return out;
}

export const DEVIATION_KIND_LABEL: Record<DeviationKind, string> = {
  forty_minute: "40-minute BP", spo2: "Missing SpO₂", gate: "GATE decision", override: "Warning acknowledged", recorded: "Recorded deviation",
};
