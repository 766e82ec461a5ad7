import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/permissions";
import { billingRows, type BillingRow } from "@/lib/billing/data";
import { PAYER_TYPE_LABELS } from "@/lib/billing/rules";
import { effectiveRange, rangeQuerySchema } from "@/lib/reports/range-schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { ReportTabs } from "@/components/reports/report-tabs";
import { RangeFilter } from "@/components/reports/range-filter";
import { DownloadButton } from "@/components/reports/download-button";

export const metadata: Metadata = { title: "Billing — Reports" };

const SHOWN = 200;

export default async function BillingReportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await authorizePage("reports.view");
  const q = rangeQuerySchema.parse(await searchParams);
  const siteIds = q.site && user.siteIds.includes(q.site) ? [q.site] : user.siteIds;
  const { from, to } = effectiveRange(q, siteDay(new Date(), user.sites[0]?.timeZone ?? "America/New_York"), 30);
  const rows: BillingRow[] = [];
  let more = false;
  for await (const r of billingRows(siteIds, { from, to })) {
    if (rows.length === SHOWN) {
      more = true;
      break;
    }
    rows.push(r);
  }
  return (
    <>
      <PageHeader title="Reports" />
      <ReportTabs current="/reports/billing" />
      <p className="mb-3 max-w-3xl text-slate-700">
        Billing lines derived from each session&apos;s record — the dose given, the patient&apos;s payer type and the code table in force on the date of
        service. Nothing is typed again. The codes are configuration to confirm with your billing office
        {can(user.role, "billing.manage") && (
          <>
            {" "}
            (
            <Link href="/admin/billing-codes" className="text-brand-700 underline">
              billing-code table
            </Link>
            )
          </>
        )}
        .
      </p>
      <RangeFilter label="Filter billing" sites={user.sites} site={q.site} from={from} to={to} />
      <div className="mb-3">
        <DownloadButton label="Download billing CSV" action="/api/reports/billing/csv" params={{ site: q.site, from, to }} unit="rows" variant="secondary" />
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">
          No session with a device given between {from} and {to}.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Billing lines</caption>
            <thead className="bg-slate-100">
              <tr>
                {["Date of service", "Patient", "Payer", "Code", "Units", "Dose", "Rendering / supervising", "Flags"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.sessionId}-${r.line?.code ?? "none"}`} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    {r.session.dateOfService}
                    <div className="text-slate-600">{r.site}</div>
                  </td>
                  <td className="px-3 py-2">
                    {r.patient}
                    <div className="text-slate-600">MRN {r.mrn}</div>
                  </td>
                  <td className="px-3 py-2">{r.session.payerType ? PAYER_TYPE_LABELS[r.session.payerType] : "Not recorded"}</td>
                  <td className="px-3 py-2 font-medium">
                    {r.line?.code ?? "—"}
                    {r.line && <div className="font-normal text-slate-600">{r.line.description}</div>}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{r.line?.units ?? "—"}</td>
                  <td className="px-3 py-2 tabular-nums whitespace-nowrap">{r.session.doseGivenMg} mg</td>
                  <td className="px-3 py-2">
                    {r.session.renderingClinician ?? "—"}
                    <div className="text-slate-600">{r.session.supervisingClinician ?? "No prescriber recorded"}</div>
                  </td>
                  <td className="px-3 py-2">
                    {r.flags.length ? (
                      <ul className="list-disc pl-4">
                        {r.flags.map((f) => (
                          <li key={f}>{f}</li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && <p className="p-3 text-slate-700">The first {SHOWN} lines are shown; the CSV has them all.</p>}
        </div>
      )}
    </>
  );
}
