// The data behind a session's blood-pressure chart and table: readings against minutes since the
// first device (T0), with the device times, the 40-minute mark and the end of monitoring.
import { formatTime } from "@/lib/time/format";

export type ChartReading = {
  id: string;
  takenAt: Date;
  kind: string;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
  respiratoryRate: number | null;
  enteredInError: boolean;
};
export type ChartDevice = { sequence: number; administeredAt: Date; enteredInError: boolean };

export type ChartPoint = Omit<ChartReading, "takenAt"> & { takenAt: string; clock: string; minute: number };
export type SessionChart = {
  points: ChartPoint[];
  devices: { label: string; minute: number }[];
  fortyMinute: number | null;
  end: { label: string; minute: number } | null;
  /** The minute axis from the first reading or device to the last event, padded to whole ten minutes. */
  domain: [number, number];
};

const minutesBetween = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / 60_000) * 10) / 10;

export function sessionChart(input: {
  readings: ChartReading[];
  devices: ChartDevice[];
  endedAt: Date | null;
  outcome: "DISCHARGED" | "EMERGENCY_TRANSFER" | null;
  checkedInAt: Date | null;
  timeZone: string;
}): SessionChart {
  const given = input.devices.filter((d) => !d.enteredInError).sort((a, b) => a.administeredAt.getTime() - b.administeredAt.getTime());
  const sorted = [...input.readings].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  // Before dosing the clock runs from the first reading (or check-in) so a pre-dose chart still reads sensibly.
  const t0 = given[0]?.administeredAt ?? sorted[0]?.takenAt ?? input.checkedInAt ?? new Date(0);
  const points = sorted.map(({ takenAt, ...r }) => ({
    ...r,
    takenAt: takenAt.toISOString(),
    clock: formatTime(takenAt, input.timeZone),
    minute: minutesBetween(t0, takenAt),
  }));
  const devices = given.map((d) => ({ label: `Device ${d.sequence}`, minute: minutesBetween(t0, d.administeredAt) }));
  const end = input.endedAt ? { label: input.outcome === "EMERGENCY_TRANSFER" ? "Transfer" : "Discharge", minute: minutesBetween(t0, input.endedAt) } : null;
  const minutes = [0, ...points.map((p) => p.minute), ...devices.map((d) => d.minute), ...(end ? [end.minute] : []), ...(given.length ? [40] : [])];
  const domain: [number, number] = [Math.floor(Math.min(...minutes) / 10) * 10, Math.ceil(Math.max(...minutes, 10) / 10) * 10];
  return { points, devices, fortyMinute: given.length ? 40 : null, end, domain };
}

/** Whole minutes elapsed, as the timeline counts them: 10½ minutes before the first device is T0−11. */
export const elapsed = (minute: number) => {
  const whole = Math.floor(minute);
  return `${whole >= 0 ? "+" : "−"}${Math.abs(whole)}`;
};
