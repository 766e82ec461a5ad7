import { describe, expect, it } from "vitest";
import { sessionChart, type ChartReading } from "./session-chart";

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`); // 10 March 2026: New York is UTC−4 (after the DST change)
const r = (id: string, hhmm: string, systolic: number, diastolic: number, extra: Partial<ChartReading> = {}): ChartReading => ({
  id,
  takenAt: at(hhmm),
  kind: "EXTRA",
  systolic,
  diastolic,
  heartRate: 80,
  spo2: 97,
  respiratoryRate: null,
  enteredInError: false,
  ...extra,
});

describe("the data behind a session's BP chart", () => {
  const chart = sessionChart({
    readings: [r("b", "14:42", 152, 94), r("a", "13:55", 128, 80, { kind: "PRE_DOSE" }), r("c", "14:45", 250, 94, { enteredInError: true })],
    devices: [
      { sequence: 1, administeredAt: at("14:00"), enteredInError: false },
      { sequence: 2, administeredAt: at("14:05"), enteredInError: false },
      { sequence: 3, administeredAt: at("14:06"), enteredInError: true },
    ],
    endedAt: at("16:05"),
    outcome: "DISCHARGED",
    checkedInAt: at("13:40"),
    timeZone: "America/New_York",
  });
  it("puts readings in time order against minutes since the first device, with the site's clock time", () => {
    expect(chart.points.map((p) => [p.id, p.minute, p.clock])).toEqual([
      ["a", -5, "09:55"],
      ["b", 42, "10:42"],
      ["c", 45, "10:45"],
    ]);
  });
  it("keeps a reading entered in error, marked", () => {
    expect(chart.points.find((p) => p.id === "c")?.enteredInError).toBe(true);
  });
  it("marks the devices actually given, the 40-minute mark and discharge", () => {
    expect(chart.devices).toEqual([
      { label: "Device 1", minute: 0 },
      { label: "Device 2", minute: 5 },
    ]);
    expect(chart.fortyMinute).toBe(40);
    expect(chart.end).toEqual({ label: "Discharge", minute: 125 });
    expect(chart.domain).toEqual([-10, 130]);
  });
  it("has no 40-minute mark before dosing and runs from the first reading", () => {
    const c = sessionChart({ readings: [r("a", "13:55", 128, 80)], devices: [], endedAt: null, outcome: null, checkedInAt: at("13:40"), timeZone: "UTC" });
    expect(c.fortyMinute).toBeNull();
    expect(c.points[0].minute).toBe(0);
  });
});
