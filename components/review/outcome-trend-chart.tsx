"use client";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CourseAnnotation, Trend, TrendPoint } from "@/lib/outcomes/trend";
import type { PhaseBand } from "./course-chart";
import { monthTicks, PHASE_SHORT, shortDate } from "./course-chart";

const AXIS = { fontSize: 13, fill: "#334155" };
const NAME = { PHQ9: "PHQ-9", MADRS: "MADRS" } as const;
const MAX = { PHQ9: 27, MADRS: 60 } as const;

function TrendTooltip({ active, payload }: { active?: boolean; payload?: { payload: TrendPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-2 text-sm shadow">
      <p className="font-semibold">
        {p.date}: total {p.total}
      </p>
      <p>
        {p.remission ? "Remission" : p.response ? "Response" : "No response yet"}
        {p.item9Flag ? " · item 9 above 0" : ""}
      </p>
    </div>
  );
}

/** Totals over time with baseline, response (half the baseline) and remission lines; dose changes and phases marked. */
export function OutcomeTrendChart({ trend, annotations, phases }: { trend: Trend; annotations: CourseAnnotation[]; phases: PhaseBand[] }) {
  const name = NAME[trend.instrument];
  const ats = [...trend.points.map((p) => p.at), ...annotations.map((a) => a.at)];
  const domain = [Math.min(...ats) - 2 * 86_400_000, Math.max(...ats) + 2 * 86_400_000];
  return (
    <figure
      data-testid={`trend-${trend.instrument}`}
      data-points={JSON.stringify(trend.points.map(({ date, total, response, remission }) => ({ date, total, response, remission })))}
      className="w-full"
    >
      <figcaption className="mb-1 text-sm text-slate-700">
        {name} total. Baseline {trend.baseline}; response at ≤ {trend.responseAt} (half the baseline); remission{" "}
        {trend.instrument === "PHQ9" ? "below 5" : "12 or less"}. Vertical lines: dose changes.
      </figcaption>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis type="number" dataKey="at" domain={domain} ticks={monthTicks(domain[0], domain[1])} tickFormatter={shortDate} tick={AXIS} scale="time" />
            <YAxis domain={[0, MAX[trend.instrument]]} tick={AXIS} width={36} />
            {phases.map((b, i) => (
              <ReferenceArea
                key={b.label + b.from}
                x1={Math.max(b.from, domain[0])}
                x2={Math.min(b.to, domain[1])}
                fill={["#ecfeff", "#f0fdf4", "#fefce8"][i % 3]}
                fillOpacity={0.9}
                label={{ value: PHASE_SHORT[b.label] ?? b.label, position: "insideTopLeft", ...AXIS }}
              />
            ))}
            <ReferenceArea
              y1={0}
              y2={trend.remissionAt}
              fill="#16a34a"
              fillOpacity={0.1}
              label={{ value: "Remission", position: "insideBottomRight", ...AXIS }}
            />
            {trend.baseline != null && (
              <ReferenceLine
                y={trend.baseline}
                stroke="#475569"
                strokeDasharray="4 4"
                label={{ value: `Baseline ${trend.baseline}`, position: "insideTopRight", ...AXIS }}
              />
            )}
            {trend.responseAt != null && (
              <ReferenceLine y={trend.responseAt} stroke="#0b5757" strokeDasharray="6 3" label={{ value: "Response", position: "insideTopRight", ...AXIS }} />
            )}
            {annotations
              .filter((a) => a.label.startsWith("Dose"))
              .map((a) => (
                <ReferenceLine
                  key={a.label + a.at}
                  x={a.at}
                  stroke="#7c3aed"
                  label={{ value: a.label.replace("Dose ", ""), position: "insideBottomLeft", ...AXIS }}
                />
              ))}
            <Tooltip content={<TrendTooltip />} />
            <Line
              data={trend.points}
              dataKey="total"
              name={name}
              stroke="#0f172a"
              strokeWidth={2}
              isAnimationActive={false}
              dot={(p: unknown) => {
                const { cx, cy, payload, index } = p as { cx: number; cy: number; payload: TrendPoint; index: number };
                return (
                  <circle
                    key={index}
                    cx={cx}
                    cy={cy}
                    r={payload.item9Flag ? 7 : 4}
                    fill={payload.remission ? "#16a34a" : payload.response ? "#0b5757" : "#0f172a"}
                    stroke={payload.item9Flag ? "#dc2626" : "none"}
                    strokeWidth={3}
                  />
                );
              }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
