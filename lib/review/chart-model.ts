// What the charts draw, decided here rather than in the chart components: which panel, which axis, which
// series and which alert bands. Pure (no React, no chart library), so the rules of the drawing are unit-tested:
// a band belongs to the axis of the quantity it describes (the SpO₂ alert band to the SpO₂ axis, never the
// heart-rate axis), and every series has its own colour, marker and line style.
import type { SessionChart } from "./session-chart";

export type Marker = "circle" | "triangle" | "square" | "diamond";
export type Axis = { id: string; label: string; unit: string; domain: [number, number]; ticks: number[] };
export type Band = { axisId: string; from: number; to: number; label: string };
export type Rule = { axisId: string; value: number; label: string };
export type Series = { key: string; axisId: string; name: string; color: string; marker: Marker; dash?: string };
export type Panel = { id: string; title: string; axis: Axis; bands: Band[]; rules: Rule[]; series: Series[]; heightPx: number };

export type VitalThresholds = { alertSystolic: number; alertDiastolic: number; spo2Alert: number };

const steps = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/**
 * A session's vital signs as three panels on one time axis: blood pressure, heart rate, SpO₂. Each
 * panel has one y-axis, so a band can only be read against the quantity it is about.
 */
export function sessionVitalsPanels(chart: SessionChart, t: VitalThresholds): Panel[] {
  const live = chart.points.filter((p) => !p.enteredInError);
  const bpTop = Math.ceil(Math.max(220, ...chart.points.map((p) => (p.systolic ?? 0) + 10)) / 20) * 20;
  const hrValues = live.flatMap((p) => (p.heartRate != null ? [p.heartRate] : []));
  const hrDomain: [number, number] = [
    Math.min(40, Math.floor((Math.min(...hrValues, 40) - 10) / 20) * 20 + 20),
    Math.max(160, Math.ceil((Math.max(...hrValues, 0) + 10) / 20) * 20),
  ];
  const spo2Values = live.flatMap((p) => (p.spo2 != null ? [p.spo2] : []));
  const spo2Floor = Math.min(80, Math.floor((Math.min(...spo2Values, 100) - 2) / 5) * 5, Math.floor((t.spo2Alert - 5) / 5) * 5);
  return [
    {
      id: "bp",
      title: "Blood pressure (mmHg)",
      heightPx: 288,
      axis: { id: "bp", label: "mmHg", unit: "mmHg", domain: [40, bpTop], ticks: steps(40, bpTop, 20) },
      bands: [{ axisId: "bp", from: t.alertSystolic, to: bpTop, label: `Systolic ≥ ${t.alertSystolic}: alert` }],
      rules: [
        { axisId: "bp", value: 140, label: "140" },
        { axisId: "bp", value: 90, label: "90" },
        { axisId: "bp", value: t.alertDiastolic, label: `${t.alertDiastolic} diastolic alert` },
      ],
      series: [
        { key: "systolic", axisId: "bp", name: "Systolic", color: "#b91c1c", marker: "triangle" },
        { key: "diastolic", axisId: "bp", name: "Diastolic", color: "#1d4ed8", marker: "circle", dash: "6 3" },
      ],
    },
    {
      id: "hr",
      title: "Heart rate (/min)",
      heightPx: 150,
      axis: { id: "hr", label: "/min", unit: "/min", domain: hrDomain, ticks: steps(hrDomain[0], hrDomain[1], 40) },
      bands: [],
      rules: [],
      series: [{ key: "heartRate", axisId: "hr", name: "Heart rate (/min)", color: "#0f766e", marker: "square" }],
    },
    {
      id: "spo2",
      title: "SpO₂ (%)",
      heightPx: 150,
      axis: { id: "spo2", label: "%", unit: "%", domain: [spo2Floor, 100], ticks: steps(spo2Floor, 100, 5) },
      bands: [{ axisId: "spo2", from: spo2Floor, to: t.spo2Alert, label: `SpO₂ < ${t.spo2Alert} %: alert` }],
      rules: [],
      series: [{ key: "spo2", axisId: "spo2", name: "SpO₂ (%)", color: "#6d28d9", marker: "diamond" }],
    },
  ];
}

export type CourseChartPoint = {
  preSys: number | null;
  preDia: number | null;
  peakSys: number | null;
  peakDia: number | null;
  endSys: number | null;
  endDia: number | null;
};

/** The three moments of each session, told apart by colour, marker and line style (Okabe–Ito hues, darkened for contrast). */
export const COURSE_MOMENTS = [
  { moment: "pre", name: "Pre-dose", color: "#005a8c", marker: "circle", dash: undefined },
  { moment: "peak", name: "Peak post-dose", color: "#b34700", marker: "triangle", dash: "6 3" },
  { moment: "end", name: "Pre-discharge", color: "#007a5a", marker: "square", dash: "2 3" },
] as const satisfies { moment: string; name: string; color: string; marker: Marker; dash: string | undefined }[];

/** The course chart as two panels — systolic, diastolic — of three series each, rather than six series in one. */
export function courseBpPanels(points: CourseChartPoint[]): Panel[] {
  const top = Math.ceil(Math.max(200, ...points.map((p) => (p.peakSys ?? 0) + 10)) / 20) * 20;
  const diaTop = Math.ceil(Math.max(120, ...points.map((p) => (p.peakDia ?? 0) + 10)) / 20) * 20;
  const series = (part: "Sys" | "Dia", axisId: string): Series[] =>
    COURSE_MOMENTS.map((m) => ({ key: `${m.moment}${part}`, axisId, name: m.name, color: m.color, marker: m.marker, dash: m.dash }));
  return [
    {
      id: "systolic",
      title: "Systolic (mmHg)",
      heightPx: 240,
      axis: { id: "systolic", label: "mmHg", unit: "mmHg", domain: [80, top], ticks: steps(80, top, 20) },
      bands: [],
      rules: [{ axisId: "systolic", value: 140, label: "140" }],
      series: series("Sys", "systolic"),
    },
    {
      id: "diastolic",
      title: "Diastolic (mmHg)",
      heightPx: 200,
      axis: { id: "diastolic", label: "mmHg", unit: "mmHg", domain: [40, diaTop], ticks: steps(40, diaTop, 20) },
      bands: [],
      rules: [{ axisId: "diastolic", value: 90, label: "90" }],
      series: series("Dia", "diastolic"),
    },
  ];
}
