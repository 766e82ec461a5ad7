import Link from "next/link";
import type { AuthorizationRow, RenewalRow } from "@/lib/authorizations/data";
import { formatCalendarDate } from "@/lib/patients/format";

const cal = (d: string) => formatCalendarDate(new Date(`${d}T00:00:00Z`));

/** Authorizations in a table that scrolls sideways when narrow; renewal reasons stand out. */
export function AuthorizationTable({
  rows,
  withPatient = false,
  caption,
}: {
  rows: (AuthorizationRow | RenewalRow)[];
  withPatient?: boolean;
  caption: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            {withPatient && (
              <th scope="col" className="p-2">
                Patient
              </th>
            )}
            <th scope="col" className="p-2">
              Payer and reference
            </th>
            <th scope="col" className="p-2">
              Dates
            </th>
            <th scope="col" className="p-2">
              Frequency
            </th>
            <th scope="col" className="p-2">
              Sessions
            </th>
            <th scope="col" className="p-2">
              Renew
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              {withPatient && "patientId" in r && (
                <td className="p-2">
                  <Link href={`/patients/${r.patientId}/authorizations`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {r.patientName}
                  </Link>
                  <span className="block text-slate-700">
                    MRN {r.mrn} · {r.siteName}
                  </span>
                </td>
              )}
              <td className="p-2">
                <span className="font-medium">{r.payerName}</span>
                <span className="block text-slate-700">{r.reference}</span>
              </td>
              <td className="p-2 tabular-nums">
                {cal(r.startDate)} – {cal(r.endDate)}
                <span className="block text-slate-700">{r.state === "ended" ? "ended" : r.state === "upcoming" ? "not started" : "current"}</span>
              </td>
              <td className="p-2">{r.frequency}</td>
              <td className="p-2 tabular-nums">
                {r.sessionsUsed} of {r.sessionsApproved} used · {r.sessionsLeft} left{r.sessionsBooked ? ` · ${r.sessionsBooked} booked` : ""}
              </td>
              <td className="p-2">{r.renewal.length ? <strong className="text-red-800">{r.renewal.join(", ")}</strong> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
