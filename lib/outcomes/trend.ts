// The data behind a patient's outcome trend chart: totals over time against the baseline, with
// response (≥ 50 % fall) and remission marked, annotated with dose changes and phase starts.
import type { CourseRow } from "@/lib/review/course";
import { isRemission, isResponse, type Instrument } from "./rules";

export type Measure = { id: string; instrument: Instrument; total: number; takenAt: Date; item9?: number };
export type TrendPoint = { id: string; at: number; date: string; total: number; response: boolean; remission: boolean; item9Flag: boolean };
export type Trend = {
  instrument: Instrument;
  baseline: number | null;
  /** At or below this total is a response (half the baseline). */
  responseAt: number | null;
  /** PHQ-9 below 5; MADRS 12 or less. */
  remissionAt: number;
  points: TrendPoint[];
};
export type CourseAnnotation = { at: number; date: string; label: string };

const REMISSION_AT: Record<Instrument, number> = { PHQ9: 4, MADRS: 12 };

export function outcomeTrend(instrument: Instrument, measures: Measure[], dateOf: (d: Date) => string): Trend {
  const mine = measures.filter((m) => m.instrument === instrument).sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const baseline = mine[0]?.total ?? null;
  return {
    instrument,
    baseline,
    responseAt: baseline != null ? baseline * 0.5 : null,
    remissionAt: REMISSION_AT[instrument],
    points: mine.map((m, i) => ({
      id: m.id,
      at: m.takenAt.getTime(),
      date: dateOf(m.takenAt),
      total: m.total,
      response: i > 0 && baseline != null && isResponse(baseline, m.total),
      remission: isRemission(instrument, m.total),
      item9Flag: (m.item9 ?? 0) > 0,
    })),
  };
}

/** Where the dose changed and where a new phase began, as marks on the time axis. */
export function courseAnnotations(rows: CourseRow[], t0Of: (id: string) => number): CourseAnnotation[] {
  const marks: CourseAnnotation[] = [];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const at = t0Of(r.id);
    if (!prev || prev.phase !== r.phase) marks.push({ at, date: r.treatmentDate, label: `${r.phase} (week ${r.week})` });
    if (prev && r.doseMg != null && prev.doseMg !== r.doseMg) marks.push({ at, date: r.treatmentDate, label: `Dose ${prev.doseMg ?? "—"} → ${r.doseMg} mg` });
  });
  return marks;
}
