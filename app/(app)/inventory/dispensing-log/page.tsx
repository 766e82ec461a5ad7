import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { authorizePage } from "@/lib/auth/authorize";
import { dispensingLogPage } from "@/lib/inventory/data";
import { dispensingLogQuerySchema } from "@/lib/inventory/schema";
import { addDays, localDate } from "@/lib/sessions/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Dispensing log" };

const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3 aria-[invalid=true]:border-red-600";

/** The controlled-substance dispensing log (R44): one row per administered device, in the site's time zone. */
export default async function DispensingLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const user = await authorizePage("inventory.manage", sp.siteId ? { siteId: sp.siteId, entityType: "Site", entityId: sp.siteId } : undefined);
  const site = user.sites.find((s) => s.id === sp.siteId) ?? user.sites[0];
  if (!site) return <><PageHeader title="Dispensing log" /><p>You are not assigned to a site.</p></>;
  const today = localDate(new Date(), site.timeZone);
  const raw = { siteId: site.id, from: sp.from || addDays(today, -30), to: sp.to || today };
  const parsed = dispensingLogQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
  const log = parsed.success ? await dispensingLogPage(parsed.data) : null;
  const csvHref = parsed.success ? `/api/inventory/dispensing-log/csv?${new URLSearchParams(parsed.data)}` : null;
  return (
    <>
      <p className="mb-2"><Link href={`/inventory?site=${site.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">← Inventory</Link></p>
      <PageHeader title="Dispensing log" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter dispensing log">
        <label className="flex flex-col font-medium">Site
          <select name="siteId" defaultValue={site.id} className={input}>{user.sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}</select>
        </label>
        <div className="flex flex-col">
          <label htmlFor="log-from" className="font-medium">From</label>
          <input id="log-from" type="date" name="from" defaultValue={raw.from} aria-invalid={!!errors.from} aria-describedby={errors.from ? "log-from-error" : undefined} className={input} />
          {errors.from && <p id="log-from-error" className="text-sm font-medium text-red-700">{errors.from[0]}</p>}
        </div>
        <div className="flex flex-col">
          <label htmlFor="log-to" className="font-medium">To</label>
          <input id="log-to" type="date" name="to" defaultValue={raw.to} aria-invalid={!!errors.to} aria-describedby={errors.to ? "log-to-error" : undefined} className={input} />
          {errors.to && <p id="log-to-error" className="text-sm font-medium text-red-700">{errors.to[0]}</p>}
        </div>
        <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Show</button>
        {csvHref && <a href={csvHref} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">Download CSV</a>}
      </form>
      {!parsed.success && <Alert tone="error">Correct the dates to see the log.</Alert>}
      {log && (
        <section aria-label="Administered devices" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="px-3 py-2 text-left text-sm text-slate-700">
              {log.rows.length}{log.more ? "+" : ""} administered device{log.rows.length === 1 ? "" : "s"} at {site.name}, {raw.from} to {raw.to}; times in {site.timeZone}.
              {log.more && " The first 500 are shown; the CSV has them all."}
            </caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">Date</th><th scope="col" className="px-3 py-2">Time</th><th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">MRN</th><th scope="col" className="px-3 py-2 text-right">Dose</th><th scope="col" className="px-3 py-2 text-right">Devices</th>
                <th scope="col" className="px-3 py-2">Device</th><th scope="col" className="px-3 py-2">Lot</th><th scope="col" className="px-3 py-2">Nurse</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.administrationId} className="border-t border-slate-200">
                  <td className="whitespace-nowrap px-3 py-2">{r.date}</td>
                  <td className="px-3 py-2 tabular-nums">{r.time}</td>
                  <td className="px-3 py-2">{r.patient}</td>
                  <td className="px-3 py-2">{r.mrn}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{r.doseMg != null ? `${r.doseMg} mg` : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.sequence} of {r.devicesInSession}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{r.serial}</td>
                  <td className="px-3 py-2">{r.lotNumber}</td>
                  <td className="px-3 py-2">{r.nurse}{r.enteredInError && <span className="block text-sm text-red-800">Entered in error: {r.enteredInError} — device back on hand</span>}</td>
                </tr>
              ))}
              {!log.rows.length && <tr><td colSpan={9} className="p-4 text-slate-700">No devices were administered in this period.</td></tr>}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
