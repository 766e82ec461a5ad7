"use client";
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { sessionVitalsPanels, type VitalThresholds } from "@/lib/review/chart-model";
import { elapsed, type ChartPoint, type SessionChart } from "@/lib/review/session-chart";
import { ChartLegend, markerDot } from "./chart-marker";

export type Thresholds = VitalThresholds;

const AXIS = { fontSize: 13, fill: "#334155" };
const minuteLabel = elapsed;

function ReadingTooltip({ active, payload }: { active?: boolean; payload?: { payload: ChartPoint }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-2 text-sm shadow">
      <p className="font-semibold">
        {p.clock} · T0{minuteLabel(p.minute)} min{p.enteredInError ? " · entered in error" : ""}
      </p>
      <p className={p.enteredInError ? "line-through" : ""}>
        {p.systolic != null && (
          <>
            BP {p.systolic}/{p.diastolic}{" "}
          </>
        )}
        {p.heartRate != null && <>· HR {p.heartRate} </>}
        {p.spo2 != null && <>· SpO₂ {p.spo2}%</>}
      </p>
    </div>
  );
}

/**
 * Blood pressure, heart rate and SpO₂ in three panels against minutes since the first device; each panel has
 * one y-axis, so an alert band is read against its own quantity (lib/review/chart-model.ts). A reading entered
 * in error is drawn as a grey cross, never hidden. The same data as a table sits beside it (SessionVitalsTable).
 */
export function SessionBpChart({ chart, thresholds }: { chart: SessionChart; thresholds: Thresholds }) {
  const panels = sessionVitalsPanels(chart, thresholds);
  const live = chart.points.filter((p) => !p.enteredInError);
  const inError = chart.points.filter((p) => p.enteredInError);
  const marks = (
    <>
      {chart.devices.map((d) => (
        <ReferenceLine
          key={d.label}
          x={d.minute}
          stroke="#0b5757"
          strokeDasharray="2 3"
          label={{ value: d.label.replace("Device ", "D"), position: "insideTopLeft", ...AXIS }}
        />
      ))}
      {chart.fortyMinute != null && (
        <ReferenceLine x={chart.fortyMinute} stroke="#6d28d9" strokeDasharray="6 3" label={{ value: "40 min", position: "insideTopRight", ...AXIS }} />
      )}
      {chart.end && <ReferenceLine x={chart.end.minute} stroke="#0f172a" label={{ value: chart.end.label, position: "insideTopRight", ...AXIS }} />}
    </>
  );
  return (
    <figure
      data-testid="session-bp-chart"
      data-points={JSON.stringify(
        chart.points.map((p) => ({
          clock: p.clock,
          minute: p.minute,
          systolic: p.systolic,
          diastolic: p.diastolic,
          heartRate: p.heartRate,
          spo2: p.spo2,
          enteredInError: p.enteredInError,
        })),
      )}
      data-bands={JSON.stringify(panels.flatMap((p) => p.bands))}
      className="chart-print w-full"
    >
      <figcaption className="mb-1 text-sm text-slate-700">
        Against minutes since the first device. Shaded: the site&apos;s alert zones; dashed: 140/90; grey cross: entered in error.
      </figcaption>
      {panels.map((panel) => {
        const data = live.filter((p) => panel.series.some((s) => p[s.key as keyof ChartPoint] != null));
        return (
          <div key={panel.id} data-panel={panel.id} className="mt-2">
            <p className="text-sm font-medium text-slate-800">
              {panel.title}
              {panel.bands.map((b) => (
                <span key={b.label} className="font-normal">
                  {" "}
                  · shaded: {b.label}
                </span>
              ))}
            </p>
            <div className="w-full" style={{ height: panel.heightPx }}>
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart margin={{ top: 14, right: 24, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke="#e2e8f0" />
                  <XAxis
                    type="number"
                    dataKey="minute"
                    domain={chart.domain}
                    tickCount={Math.min(16, (chart.domain[1] - chart.domain[0]) / 10 + 1)}
                    tickFormatter={minuteLabel}
                    tick={AXIS}
                    allowDuplicatedCategory={false}
                  />
                  <YAxis yAxisId={panel.axis.id} domain={panel.axis.domain} ticks={panel.axis.ticks} tick={AXIS} width={44} />
                  {panel.bands.map((b) => (
                    <ReferenceArea key={b.label} yAxisId={b.axisId} y1={b.from} y2={b.to} fill="#dc2626" fillOpacity={0.1} ifOverflow="hidden" />
                  ))}
                  {panel.rules.map((r) => (
                    <ReferenceLine
                      key={r.label}
                      yAxisId={r.axisId}
                      y={r.value}
                      stroke="#b45309"
                      strokeDasharray="5 4"
                      label={{ value: r.label, position: "insideTopLeft", ...AXIS }}
                    />
                  ))}
                  {marks}
                  <Tooltip content={<ReadingTooltip />} />
                  {panel.series.map((s) => (
                    <Line
                      key={s.key}
                      yAxisId={s.axisId}
                      data={data.filter((p) => p[s.key as keyof ChartPoint] != null)}
                      dataKey={s.key}
                      name={s.name}
                      stroke={s.color}
                      strokeWidth={2}
                      strokeDasharray={s.dash}
                      dot={markerDot(s.marker, s.color)}
                      isAnimationActive={false}
                    />
                  ))}
                  {inError.length > 0 &&
                    panel.series.map((s) => (
                      <Scatter
                        key={`err-${s.key}`}
                        yAxisId={s.axisId}
                        data={inError.filter((p) => p[s.key as keyof ChartPoint] != null)}
                        dataKey={s.key}
                        name="Entered in error"
                        fill="#64748b"
                        shape="cross"
                        isAnimationActive={false}
                      />
                    ))}
                </ComposedChart>
              </ResponsiveContainer>
            </div>
            <ChartLegend items={panel.series} />
          </div>
        );
      })}
    </figure>
  );
}
