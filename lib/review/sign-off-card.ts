// What a sign-off card in the review queue says about a closed session, decided without I/O.

export type Reading = { systolic: number | null; diastolic: number | null; takenAt: Date };

/** The highest systolic (then diastolic) reading from the first device on; null before dosing or without BP. */
export function peakPostDose(readings: Reading[], t0: Date | null): { systolic: number; diastolic: number; takenAt: Date } | null {
  if (!t0) return null;
  let peak: Reading | null = null;
  for (const r of readings) {
    if (r.systolic == null || r.diastolic == null || r.takenAt.getTime() < t0.getTime()) continue;
    if (!peak || r.systolic > peak.systolic! || (r.systolic === peak.systolic && r.diastolic > peak.diastolic!)) peak = r;
  }
  return peak ? { systolic: peak.systolic!, diastolic: peak.diastolic!, takenAt: peak.takenAt } : null;
}

export type CardCounts = { alerts: number; adverseEvents: number; deviations: number; lateEntries: number; acknowledgements: number };
export type CardFlag = { kind: keyof CardCounts; text: string; tone: "red" | "amber" | "slate" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The flags a reviewer looks for first, most serious first; nothing for a count of zero. */
export function signOffFlags(c: CardCounts): CardFlag[] {
  const flags: CardFlag[] = [];
  if (c.alerts) flags.push({ kind: "alerts", text: plural(c.alerts, "alert"), tone: "red" });
  if (c.adverseEvents) flags.push({ kind: "adverseEvents", text: plural(c.adverseEvents, "adverse event"), tone: "red" });
  if (c.deviations) flags.push({ kind: "deviations", text: plural(c.deviations, "deviation"), tone: "amber" });
  if (c.lateEntries) flags.push({ kind: "lateEntries", text: plural(c.lateEntries, "late entry", "late entries"), tone: "amber" });
  if (c.acknowledgements) flags.push({ kind: "acknowledgements", text: `${plural(c.acknowledgements, "warning")} acknowledged`, tone: "slate" });
  return flags;
}
