"use client";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayShort } from "@/lib/time/format";

export type CoursePoint = {
  id: string; at: number; date: string; doseMg: number | null; phase: string; week: number;
  preSys: number | null; preDia: number | null; peakSys: number | null; peakDia: number | null; endSys: number | null; endDia: number | null;
  flagged: number | null; flags: string[];
};
export type PhaseBand = { from: number; to: number; label: string };

const AXIS = { fontSize: 13, fill: "#334155" };
/** Phase names short enough for a four-week band on a tablet. */
export const PHASE_SHORT: Record<string, string> = { Induction: "Induction", "Maintenance (weekly)": "Weekly", "Maintenance (every 1–2 weeks)": "Every 1–2 wk" };
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
      <p className="font-semibold">{p.date} · week {p.week} · {p.doseMg ?? "—"} mg</p>
      <p>Pre-dose {bp(p.preSys, p.preDia)} · peak {bp(p.peakSys, p.peakDia)} · pre-discharge {bp(p.endSys, p.endDia)}</p>
      {p.flags.map((f) => <p key={f} className="text-red-800">{f}</p>)}
    </div>
  );
}

const ring = (p: unknown) => { const { cx, cy } = p as { cx?: number; cy?: number }; return <circle cx={cx} cy={cy} r={8} fill="none" stroke="#dc2626" strokeWidth={2.5} />; };

/** Pre-dose, peak post-dose and pre-discharge BP of every session over the course, phases shaded, flags ringed. */
export function CourseBpChart({ points, phases }: { points: CoursePoint[]; phases: PhaseBand[] }) {
  const top = Math.max(200, ...points.map((p) => (p.peakSys ?? 0) + 10));
  const domain = [Math.min(...points.map((p) => p.at)) - 2 * 86_400_000, Math.max(...points.map((p) => p.at)) + 2 * 86_400_000];
  const line = (key: keyof CoursePoint, name: string, color: string, dashed = false) => (
    <Line data={points.filter((p) => p[key] != null)} dataKey={key} name={name} stroke={color} strokeWidth={dashed ? 1.5 : 2} strokeDasharray={dashed ? "5 3" : undefined} dot={{ r: points.length > 20 ? 2 : 3 }} isAnimationActive={false} />
  );
  return (
    <figure data-testid="course-bp-chart" data-points={JSON.stringify(points.map(({ date, preSys, preDia, peakSys, peakDia, endSys, endDia, doseMg, flags }) => ({ date, preSys, preDia, peakSys, peakDia, endSys, endDia, doseMg, flags })))} className="w-full">
      <figcaption className="mb-1 text-sm text-slate-700">Systolic (solid) and diastolic (dashed) per session. Dashed orange lines: 140/90. Red rings: flagged sessions.</figcaption>
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis type="number" dataKey="at" domain={domain} ticks={monthTicks(domain[0], domain[1])} tickFormatter={shortDate} tick={AXIS} scale="time" />
            <YAxis domain={[40, top]} ticks={Array.from({ length: Math.floor((top - 40) / 20) + 1 }, (_, i) => 40 + i * 20)} tick={AXIS} width={44} />
            {phases.map((b, i) => <ReferenceArea key={b.label + b.from} x1={b.from} x2={b.to} fill={PHASE_FILL[i % 3]} fillOpacity={0.9} label={{ value: PHASE_SHORT[b.label] ?? b.label, position: "insideTopLeft", ...AXIS }} />)}
            <ReferenceLine y={140} stroke="#b45309" strokeDasharray="5 4" />
            <ReferenceLine y={90} stroke="#b45309" strokeDasharray="5 4" />
            <Tooltip content={<CourseTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            {line("preSys", "Pre-dose", "#1d4ed8")}
            {line("peakSys", "Peak post-dose", "#b91c1c")}
            {line("endSys", "Pre-discharge", "#0f766e")}
            {line("preDia", "Pre-dose diastolic", "#1d4ed8", true)}
            {line("peakDia", "Peak diastolic", "#b91c1c", true)}
            {line("endDia", "Pre-discharge diastolic", "#0f766e", true)}
            <Scatter data={points.filter((p) => p.flagged != null)} dataKey="flagged" name="Flagged" fill="#dc2626" shape={ring} legendType="circle" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
