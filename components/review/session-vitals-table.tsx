import { elapsed, type ChartPoint } from "@/lib/review/session-chart";

const KIND: Record<string, string> = { PRE_DOSE: "Pre-dose", POST_40: "40-minute", EXTRA: "", PRE_COMPLETION: "Pre-discharge" };
const v = (x: number | null, unit = "") => (x == null ? "—" : `${x}${unit}`);

/** The chart's readings as a table (time rows, vital columns); prints on paper as it reads on screen. */
export function SessionVitalsTable({ points, reasons }: { points: ChartPoint[]; reasons: Record<string, string | null> }) {
  return (
    <table data-testid="session-vitals-table" className="w-full border-collapse text-left text-sm tabular-nums print:text-xs">
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="p-2">
            Time
          </th>
          <th scope="col" className="p-2">
            T0 min
          </th>
          <th scope="col" className="p-2">
            Reading
          </th>
          <th scope="col" className="p-2">
            BP
          </th>
          <th scope="col" className="p-2">
            HR
          </th>
          <th scope="col" className="p-2">
            SpO₂
          </th>
          <th scope="col" className="p-2">
            RR
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr
            key={p.id}
            data-in-error={p.enteredInError || undefined}
            className={`break-inside-avoid border-b border-slate-200 ${p.enteredInError ? "text-slate-500" : ""}`}
          >
            <td className="p-2">{p.clock}</td>
            <td className="p-2">{elapsed(p.minute)}</td>
            <td className="p-2">
              {KIND[p.kind] ?? ""}
              {p.enteredInError && <span className="block text-xs">entered in error{reasons[p.id] ? `: ${reasons[p.id]}` : ""}</span>}
            </td>
            <td className={`p-2 ${p.enteredInError ? "line-through" : ""}`}>{p.systolic != null ? `${p.systolic}/${p.diastolic}` : "—"}</td>
            <td className={`p-2 ${p.enteredInError ? "line-through" : ""}`}>{v(p.heartRate)}</td>
            <td className={`p-2 ${p.enteredInError ? "line-through" : ""}`}>{v(p.spo2, "%")}</td>
            <td className={`p-2 ${p.enteredInError ? "line-through" : ""}`}>{v(p.respiratoryRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
