"use client";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { COURSE_MOMENTS, courseBpPanels } from "@/lib/review/chart-model";
import { formatDayShort } from "@/lib/time/format";
import { ChartLegend, markerDot } from "./chart-marker";

export type CoursePoint = {
  id: string;
  at: number;
  date: string;
  doseMg: number | null;
  phase: string;
  week: number;
  preSys: number | null;
  preDia: number | null;
  peakSys: number | null;
  peakDia: number | null;
  endSys: number | null;
  endDia: number | null;
  flagged: number | null;
  flags: string[];
};
export type PhaseBand = { from: number; to: number; label: string };

const AXIS = { fontSize: 13, fill: "#334155" };
/** Phase names short enough for a four-week band on a tablet. */
export const PHASE_SHORT: Record<string, string> = {
  Induction: "Induction",
  "Maintenance (weekly)": "Weekly",
  "Maintenance (every 1–2 weeks)": "Every 1–2 wk",
};
const PHASE_FILL = ["#ecfeff", "#f0fdf4", "#fefce8"];
/** Axis ticks: weekly over a short course, the first of each month (every other month past eight) over a long one. */
export function monthTicks(from: number, to: number): number[] {
  const DAY = 86_400_000;
  if (to - from < 90 * DAY) return Array.from({ length: Math.floor((to - from - 2 * DAY) / (7 * DAY)) + 1 }, (_, i) => from + 2 * DAY + i * 7 * DAY);
  const ticks: number[] = [];
  const d = new Date(from);
  for (let m = 1; ; m++) {
    const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1);
    if (t > to) break;
    ticks.push(t);
  }
  return ticks.length > 8 ? ticks.filter((_, i) => i % 2 === 0) : ticks;
}
export const shortDate = (ms: number) => formatDayShort(ms);

function CourseTooltip({ active, payload }: { active?: boolean; payload?: { payload: CoursePoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  const bp = (s: number | null, d: number | null) => (s != null ? `${s}/${d}` : "—");
  return (
    <div className="rounded-md border border-slate-300 bg-white p-2 text-sm shadow">
      <p className="font-semibold">
        {p.date} · week {p.week} · {p.doseMg ?? "—"} mg
      </p>
      <p>
        Pre-dose {bp(p.preSys, p.preDia)} · peak {bp(p.peakSys, p.peakDia)} · pre-discharge {bp(p.endSys, p.endDia)}
      </p>
      {p.flags.map((f) => (
        <p key={f} className="text-red-800">
          {f}
        </p>
      ))}
    </div>
  );
}

const ring = (p: unknown) => {
  const { cx, cy } = p as { cx?: number; cy?: number };
  return <circle cx={cx} cy={cy} r={8} fill="none" stroke="#dc2626" strokeWidth={2.5} />;
};

/** Pre-dose, peak post-dose and pre-discharge BP of every session over the course: systolic and diastolic in two
 *  panels of three series (lib/review/chart-model.ts), phases shaded, flags ringed; the course table is its twin. */
export function CourseBpChart({ points, phases }: { points: CoursePoint[]; phases: PhaseBand[] }) {
  const panels = courseBpPanels(points);
  const domain = [Math.min(...points.map((p) => p.at)) - 2 * 86_400_000, Math.max(...points.map((p) => p.at)) + 2 * 86_400_000];
  const small = points.length > 20;
  return (
    <figure
      data-testid="course-bp-chart"
      data-points={JSON.stringify(
        points.map(({ date, preSys, preDia, peakSys, peakDia, endSys, endDia, doseMg, flags }) => ({
          date,
          preSys,
          preDia,
          peakSys,
          peakDia,
          endSys,
          endDia,
          doseMg,
          flags,
        })),
      )}
      className="chart-print w-full"
    >
      <figcaption className="mb-1 text-sm text-slate-700">
        Per session: pre-dose, peak post-dose and pre-discharge blood pressure. Dashed orange lines: 140/90. Red rings: flagged sessions. The table below has
        the same figures.
      </figcaption>
      <ChartLegend items={[...COURSE_MOMENTS]} />
      {panels.map((panel) => (
        <div key={panel.id} data-panel={panel.id} className="mt-2">
          <p className="text-sm font-medium text-slate-800">{panel.title}</p>
          <div className="w-full" style={{ height: panel.heightPx }}>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
                <CartesianGrid stroke="#e2e8f0" />
                <XAxis type="number" dataKey="at" domain={domain} ticks={monthTicks(domain[0], domain[1])} tickFormatter={shortDate} tick={AXIS} scale="time" />
                <YAxis yAxisId={panel.axis.id} domain={panel.axis.domain} ticks={panel.axis.ticks} tick={AXIS} width={44} />
                {phases.map((b, i) => (
                  <ReferenceArea
                    key={b.label + b.from}
                    yAxisId={panel.axis.id}
                    x1={b.from}
                    x2={b.to}
                    fill={PHASE_FILL[i % 3]}
                    fillOpacity={0.9}
                    label={panel.id === "systolic" ? { value: PHASE_SHORT[b.label] ?? b.label, position: "insideTopLeft", ...AXIS } : undefined}
                  />
                ))}
                {panel.rules.map((r) => (
                  <ReferenceLine key={r.label} yAxisId={r.axisId} y={r.value} stroke="#b45309" strokeDasharray="5 4" />
                ))}
                <Tooltip content={<CourseTooltip />} />
                {panel.series.map((s) => (
                  <Line
                    key={s.key}
                    yAxisId={s.axisId}
                    data={points.filter((p) => p[s.key as keyof CoursePoint] != null)}
                    dataKey={s.key}
                    name={s.name}
                    stroke={s.color}
                    strokeWidth={2}
                    strokeDasharray={s.dash}
                    dot={markerDot(s.marker, s.color, small ? 3 : 4)}
                    isAnimationActive={false}
                  />
                ))}
                {panel.id === "systolic" && (
                  <Scatter
                    yAxisId={panel.axis.id}
                    data={points.filter((p) => p.flagged != null)}
                    dataKey="flagged"
                    name="Flagged"
                    fill="#dc2626"
                    shape={ring}
                    isAnimationActive={false}
                  />
                )}
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </div>
      ))}
    </figure>
  );
}
