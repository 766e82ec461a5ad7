"use client";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { elapsed, type ChartPoint, type SessionChart } from "@/lib/review/session-chart";

export type Thresholds = { alertSystolic: number; alertDiastolic: number; spo2Alert: number };

const AXIS = { fontSize: 13, fill: "#334155" };
const minuteLabel = elapsed;

function ReadingTooltip({ active, payload }: { active?: boolean; payload?: { payload: ChartPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-2 text-sm shadow">
      <p className="font-semibold">{p.clock} · T0{minuteLabel(p.minute)} min{p.enteredInError ? " · entered in error" : ""}</p>
      <p className={p.enteredInError ? "line-through" : ""}>
        {p.systolic != null && <>BP {p.systolic}/{p.diastolic} </>}{p.heartRate != null && <>· HR {p.heartRate} </>}{p.spo2 != null && <>· SpO₂ {p.spo2}%</>}
      </p>
    </div>
  );
}

/**
 * Systolic and diastolic against minutes since the first device, heart rate and SpO₂ below on the
 * same axis; a reading entered in error is drawn as a grey cross, never hidden. The same data as a
 * table sits beside the chart (SessionVitalsTable).
 */
export function SessionBpChart({ chart, thresholds }: { chart: SessionChart; thresholds: Thresholds }) {
  const live = chart.points.filter((p) => !p.enteredInError);
  const inError = chart.points.filter((p) => p.enteredInError);
  const bp = live.filter((p) => p.systolic != null);
  const top = Math.max(220, ...chart.points.map((p) => (p.systolic ?? 0) + 10));
  const marks = (
    <>
      {chart.devices.map((d) => <ReferenceLine key={d.label} x={d.minute} stroke="#0b5757" strokeDasharray="2 3" label={{ value: d.label.replace("Device ", "D"), position: "insideTopLeft", ...AXIS }} />)}
      {chart.fortyMinute != null && <ReferenceLine x={chart.fortyMinute} stroke="#7c3aed" strokeDasharray="6 3" label={{ value: "40 min", position: "insideTopRight", ...AXIS }} />}
      {chart.end && <ReferenceLine x={chart.end.minute} stroke="#0f172a" label={{ value: chart.end.label, position: "insideTopRight", ...AXIS }} />}
    </>
  );
  const xAxis = <XAxis type="number" dataKey="minute" domain={chart.domain} tickCount={Math.min(16, (chart.domain[1] - chart.domain[0]) / 10 + 1)} tickFormatter={minuteLabel} tick={AXIS} allowDuplicatedCategory={false} />;
  return (
    <figure
      data-testid="session-bp-chart"
      data-points={JSON.stringify(chart.points.map((p) => ({ clock: p.clock, minute: p.minute, systolic: p.systolic, diastolic: p.diastolic, heartRate: p.heartRate, spo2: p.spo2, enteredInError: p.enteredInError })))}
      className="w-full"
    >
      <figcaption className="mb-1 text-sm text-slate-700">Blood pressure (mmHg) against minutes since the first device. Shaded: the site&apos;s alert zone (≥ {thresholds.alertSystolic} systolic); dashed: 140/90.</figcaption>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 24, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" />
            {xAxis}
            <YAxis domain={[40, top]} ticks={Array.from({ length: Math.floor((top - 40) / 20) + 1 }, (_, i) => 40 + i * 20)} tick={AXIS} width={44} />
            <ReferenceArea y1={thresholds.alertSystolic} y2={top} fill="#dc2626" fillOpacity={0.08} ifOverflow="hidden" />
            <ReferenceLine y={thresholds.alertDiastolic} stroke="#dc2626" strokeDasharray="1 3" label={{ value: `${thresholds.alertDiastolic} diastolic alert`, position: "insideTopRight", ...AXIS }} />
            <ReferenceLine y={140} stroke="#b45309" strokeDasharray="5 4" label={{ value: "140", position: "insideTopLeft", ...AXIS }} />
            <ReferenceLine y={90} stroke="#b45309" strokeDasharray="5 4" label={{ value: "90", position: "insideBottomLeft", ...AXIS }} />
            {marks}
            <Tooltip content={<ReadingTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line data={bp} dataKey="systolic" name="Systolic" stroke="#b91c1c" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
            <Line data={bp} dataKey="diastolic" name="Diastolic" stroke="#1d4ed8" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
            {inError.length > 0 && <Scatter data={inError.filter((p) => p.systolic != null)} dataKey="systolic" name="Entered in error" fill="#64748b" shape="cross" isAnimationActive={false} />}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-2 text-sm text-slate-700">Heart rate (left axis) and SpO₂ (right axis). Shaded: SpO₂ below the site&apos;s alert threshold ({thresholds.spo2Alert} %).</p>
      <div className="h-44 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" />
            {xAxis}
            <YAxis yAxisId="hr" domain={[40, 160]} tick={AXIS} width={44} />
            <YAxis yAxisId="spo2" orientation="right" domain={[80, 100]} tick={AXIS} width={36} />
            <ReferenceArea yAxisId="spo2" y1={80} y2={thresholds.spo2Alert} fill="#dc2626" fillOpacity={0.08} ifOverflow="hidden" />
            {marks}
            <Tooltip content={<ReadingTooltip />} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line yAxisId="hr" data={live.filter((p) => p.heartRate != null)} dataKey="heartRate" name="Heart rate (/min)" stroke="#0f766e" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            <Line yAxisId="spo2" data={live.filter((p) => p.spo2 != null)} dataKey="spo2" name="SpO₂ (%)" stroke="#7c3aed" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
