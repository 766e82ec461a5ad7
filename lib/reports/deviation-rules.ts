// Protocol-deviation report (REMS.md §6): what went outside the protocol in one session, read from the
// session's rows — ProtocolDeviation (rule-found at the end of monitoring, recorded by a clinician with a
// reason, late entries), the prescriber's GATE decisions and the WarningAcknowledgement rows. While a
// session is open (or for one closed before these rows existed) the readings are also checked here.
import type { RemsParameters } from "@/lib/rems/parameters";
import { byTime, live, type Vital } from "@/lib/sessions/facts";
import { fortyMinuteReading } from "@/lib/sessions/observation-rules";
import { latestPreDoseBp } from "@/lib/sessions/predose-rules";
import { gateName } from "@/lib/sessions/gates";

export type DeviationKind = "forty_minute" | "spo2" | "gate" | "override" | "late_entry" | "recorded";

export type SessionDeviation = { kind: DeviationKind; code: string; message: string };

export type DeviationFacts = {
  t0: Date | null;
  /** End of monitoring, or now for a session still in progress. */
  end: Date;
  params: Pick<RemsParameters, "fortyMinuteTargetMinutes" | "fortyMinuteWindowStart" | "fortyMinuteWindowEnd" | "pulseOximetryRequired">;
  vitals: Vital[];
  decisions: { rule: string; decision: "PROCEED" | "DELAY"; reason: string; prescriber: string }[];
  /** WarningAcknowledgement rows: a SOFT warning acknowledged to proceed with a step ("device 1"). */
  acknowledgements: { code: string; message?: string; by: string; step: string }[];
  /** ProtocolDeviation rows; `by` is the clinician who recorded it (none when a rule found it). */
  recorded: { code: string; description: string; reason?: string | null; by?: string | null }[];
};

const kindOfRow = (code: string): DeviationKind =>
  code.startsWith("R25_") ? "forty_minute" : code.startsWith("R27_SPO2") ? "spo2" : code === "R49_LATE_ENTRY" ? "late_entry" : "recorded";

const WARNING_NAMES: Record<string, string> = {
  R12_FOOD: "food less than 2 hours before the first device",
  R12_LIQUID: "liquid less than 30 minutes before the first device",
  R12_NASAL_MED: "nasal corticosteroid or decongestant less than 1 hour before",
  R24_FREQUENCY: "more sessions than the schedule in 7 days",
  R21_DOSE_STEP: "dose change of more than one 28 mg step",
  R10_MDSI_NO_ORAL_AD: "MDSI without an oral antidepressant",
  R16_BP_CAUTION: "psychostimulant or MAOI today (BP caution)",
  R16_SEDATION_CAUTION: "CNS depressant today (sedation caution)",
  R16_NALTREXONE_CAUTION: "naltrexone on the medication list",
  R48_MODERATE_HEPATIC: "moderate hepatic impairment (may need longer monitoring)",
};

export function sessionDeviations(f: DeviationFacts): SessionDeviation[] {
  const derived: SessionDeviation[] = [];
  if (f.t0) {
    // R25: the designated 40-minute reading outside 30–50 minutes, or none once the window has passed.
    const forty = fortyMinuteReading(f.vitals, f.t0, { ...f.params } as RemsParameters, f.end);
    if (forty.state === "recorded" && forty.deviation)
      derived.push({
        kind: "forty_minute",
        code: "R25_OUTSIDE_WINDOW",
        message: `40-minute BP taken at ${Math.floor(forty.minutesAfterT0)} minutes (window ${f.params.fortyMinuteWindowStart}–${f.params.fortyMinuteWindowEnd}).`,
      });
    if (forty.state === "overdue") derived.push({ kind: "forty_minute", code: "R25_MISSING", message: "No 40-minute BP recorded." });

    // R27: SpO2 at baseline, at the pre-discharge assessment, and with every vitals set.
    if (f.params.pulseOximetryRequired) {
      const baseline = latestPreDoseBp(f.vitals, f.t0);
      if (baseline && baseline.spo2 == null) derived.push({ kind: "spo2", code: "R27_SPO2_BASELINE", message: "No SpO₂ with the pre-dose reading." });
      const post = byTime(live(f.vitals)).filter((v) => v.takenAt >= f.t0! && v.takenAt <= f.end && v.systolic != null);
      const last = post.at(-1);
      if (last && last.spo2 == null) derived.push({ kind: "spo2", code: "R27_SPO2_PRE_DISCHARGE", message: "No SpO₂ with the last (pre-discharge) reading." });
      const others = post.slice(0, -1).filter((v) => v.spo2 == null).length;
      if (others)
        derived.push({ kind: "spo2", code: "R27_SPO2_MISSING", message: `${others} other post-dose ${others === 1 ? "reading" : "readings"} without SpO₂.` });
    }
  }
  const rows = f.recorded.map((r): SessionDeviation => {
    const kind = kindOfRow(r.code);
    const why = r.reason ? ` — reason: ${r.reason}` : "";
    const message =
      kind === "late_entry"
        ? `Late entry: ${r.description}${why}${r.by ? ` (${r.by})` : ""}`
        : kind === "recorded" && r.by
          ? `${r.description}${why} (recorded by ${r.by})`
          : `${r.description}${why}`;
    return { kind, code: r.code, message };
  });
  // A rule-found row stands for its derivation (written once, at the end of monitoring).
  const out = [...derived.filter((d) => !rows.some((r) => r.code === d.code)), ...rows.filter((r) => r.kind === "forty_minute" || r.kind === "spo2")];
  const order: DeviationKind[] = ["forty_minute", "spo2"];
  out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const d of f.decisions)
    out.push({
      kind: "gate",
      code: `${d.rule}_GATE`,
      message: `GATE ${d.rule} (${gateName(d.rule)}): ${d.decision === "PROCEED" ? "proceed" : "delay"} — ${d.prescriber}: “${d.reason}”`,
    });
  // A warning in force at several devices is acknowledged at each: one line per warning, at its first acknowledgement.
  const seen = new Set<string>();
  for (const a of f.acknowledgements)
    if (!seen.has(a.code) && seen.add(a.code))
      out.push({ kind: "override", code: a.code, message: `Warning acknowledged at ${a.step} by ${a.by}: ${WARNING_NAMES[a.code] ?? a.message ?? a.code}.` });
  out.push(...rows.filter((r) => r.kind === "late_entry" || r.kind === "recorded"));
  return out;
}

export const DEVIATION_KIND_LABEL: Record<DeviationKind, string> = {
  forty_minute: "40-minute BP",
  spo2: "Missing SpO₂",
  gate: "GATE decision",
  override: "Warning acknowledged",
  late_entry: "Late entry",
  recorded: "Recorded deviation",
};
