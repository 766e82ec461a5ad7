import { describe, expect, it } from "vitest";
import { COURSE_MOMENTS, courseBpPanels, sessionVitalsPanels } from "./chart-model";
import { sessionChart, type ChartReading } from "./session-chart";

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);
const r = (id: string, hhmm: string, extra: Partial<ChartReading> = {}): ChartReading => ({
  id,
  takenAt: at(hhmm),
  kind: "EXTRA",
  systolic: 130,
  diastolic: 82,
  heartRate: 72,
  spo2: 97,
  respiratoryRate: null,
  enteredInError: false,
  ...extra,
});
const chart = sessionChart({
  readings: [r("a", "13:55", { kind: "PRE_DOSE" }), r("b", "14:20", { heartRate: 88, spo2: 91 }), r("c", "14:40", { systolic: 236, spo2: 84 })],
  devices: [{ sequence: 1, administeredAt: at("14:00"), enteredInError: false }],
  endedAt: null,
  outcome: null,
  checkedInAt: at("13:40"),
  timeZone: "UTC",
});
const thresholds = { alertSystolic: 180, alertDiastolic: 110, spo2Alert: 93 };

describe("the session's vital-signs chart model", () => {
  const panels = sessionVitalsPanels(chart, thresholds);
  const spo2 = panels.find((p) => p.id === "spo2")!;
  const hr = panels.find((p) => p.id === "hr")!;

  it("draws the SpO₂ < 93 % band against the SpO₂ axis, from the axis floor up to the threshold", () => {
    expect(spo2.bands).toEqual([{ axisId: "spo2", from: spo2.axis.domain[0], to: 93, label: "SpO₂ < 93 %: alert" }]);
    expect(spo2.axis.domain[1]).toBe(100);
    expect(spo2.axis.domain[0]).toBeLessThanOrEqual(84 - 2); // the lowest reading (84 %) sits inside the panel
  });

  it("puts no band on the heart-rate axis, so a normal heart rate never sits in an alert zone", () => {
    expect(hr.bands).toEqual([]);
    expect(panels.flatMap((p) => p.bands).every((b) => b.axisId === panels.find((q) => q.bands.includes(b))!.axis.id)).toBe(true);
    // A normal heart rate (72) is inside the heart-rate domain and the SpO₂ band is not on that axis.
    expect(72).toBeGreaterThanOrEqual(hr.axis.domain[0]);
    expect(panels.flatMap((p) => p.bands).filter((b) => b.axisId === "hr")).toEqual([]);
  });

  it("follows the site's SpO₂ threshold and widens the axis for a threshold near the floor", () => {
    const low = sessionVitalsPanels(chart, { ...thresholds, spo2Alert: 82 }).find((p) => p.id === "spo2")!;
    expect(low.bands[0].to).toBe(82);
    expect(low.axis.domain[0]).toBeLessThan(82);
  });

  it("shades the site's systolic alert zone on the BP axis and keeps a very high reading on the chart", () => {
    const bp = panels.find((p) => p.id === "bp")!;
    expect(bp.bands).toEqual([{ axisId: "bp", from: 180, to: bp.axis.domain[1], label: "Systolic ≥ 180: alert" }]);
    expect(bp.axis.domain[1]).toBeGreaterThanOrEqual(246);
  });

  it("gives each series its own colour and marker", () => {
    const series = panels.flatMap((p) => p.series);
    expect(new Set(series.map((s) => s.color)).size).toBe(series.length);
    expect(new Set(series.map((s) => s.marker)).size).toBe(series.length);
  });
});

describe("the course chart model", () => {
  const panels = courseBpPanels([{ preSys: 128, preDia: 80, peakSys: 212, peakDia: 104, endSys: 130, endDia: 82 }]);

  it("splits systolic and diastolic into two panels of three series each", () => {
    expect(panels.map((p) => [p.id, p.series.map((s) => s.key)])).toEqual([
      ["systolic", ["preSys", "peakSys", "endSys"]],
      ["diastolic", ["preDia", "peakDia", "endDia"]],
    ]);
    expect(panels[0].rules.map((x) => x.value)).toEqual([140]);
    expect(panels[1].rules.map((x) => x.value)).toEqual([90]);
  });

  it("tells the three moments apart by colour, marker and line style", () => {
    for (const key of ["color", "marker", "dash"] as const) expect(new Set(COURSE_MOMENTS.map((m) => m[key])).size).toBe(3);
  });

  it("keeps the highest peak on the axis", () => {
    expect(panels[0].axis.domain[1]).toBeGreaterThanOrEqual(222);
    expect(panels[1].axis.domain[1]).toBeGreaterThanOrEqual(114);
  });
});

describe("chart colours", () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (hex: string) => 1.05 / (luminance(hex) + 0.05);
  it("reach 4.5:1 against the white chart background", () => {
    const colors = [...COURSE_MOMENTS.map((m) => m.color), ...sessionVitalsPanels(chart, thresholds).flatMap((p) => p.series.map((s) => s.color))];
    for (const c of colors) expect(contrast(c), c).toBeGreaterThanOrEqual(4.5);
  });
});
