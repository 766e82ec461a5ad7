import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { authorizePage } from "@/lib/auth/authorize";
import { dispensingLogPage } from "@/lib/inventory/data";
import { dispensingLogQuerySchema } from "@/lib/inventory/schema";
import { addDays, siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { listParamsSchema } from "@/lib/tables/list-query";
import { formatDay } from "@/lib/time/format";

export const metadata: Metadata = { title: "Dispensing log" };

const input = "min-h-11 rounded-md border border-slate-300 bg-white px-3 aria-[invalid=true]:border-red-600";

/** The controlled-substance dispensing log (R44): one row per administered device, in the site's time zone. */
export default async function DispensingLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const user = await authorizePage("inventory.manage", sp.siteId ? { siteId: sp.siteId, entityType: "Site", entityId: sp.siteId } : undefined);
  const site = user.sites.find((s) => s.id === sp.siteId) ?? user.sites[0];
  if (!site)
    return (
      <>
        <PageHeader title="Dispensing log" />
        <p>You are not assigned to a site.</p>
      </>
    );
  const today = siteDay(new Date(), site.timeZone);
  const raw = { siteId: site.id, from: sp.from || addDays(today, -30), to: sp.to || today };
  const parsed = dispensingLogQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>);
  const log = parsed.success ? await dispensingLogPage(parsed.data, listParamsSchema(["date"], { key: "date", dir: "asc" }).parse(sp).page) : null;
  const csvHref = parsed.success ? `/api/inventory/dispensing-log/csv?${new URLSearchParams(parsed.data)}` : null;
  return (
    <>
      <p className="mb-2">
        <Link href={`/inventory?site=${site.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader title="Dispensing log" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter dispensing log">
        <label className="flex flex-col font-medium">
          Site
          <select name="siteId" defaultValue={site.id} className={input}>
            {user.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-col">
          <label htmlFor="log-from" className="font-medium">
            From
          </label>
          <input
            id="log-from"
            type="date"
            name="from"
            defaultValue={raw.from}
            aria-invalid={!!errors.from}
            aria-describedby={errors.from ? "log-from-error" : undefined}
            className={input}
          />
          {errors.from && (
            <p id="log-from-error" className="text-sm font-medium text-red-700">
              {errors.from[0]}
            </p>
          )}
        </div>
        <div className="flex flex-col">
          <label htmlFor="log-to" className="font-medium">
            To
          </label>
          <input
            id="log-to"
            type="date"
            name="to"
            defaultValue={raw.to}
            aria-invalid={!!errors.to}
            aria-describedby={errors.to ? "log-to-error" : undefined}
            className={input}
          />
          {errors.to && (
            <p id="log-to-error" className="text-sm font-medium text-red-700">
              {errors.to[0]}
            </p>
          )}
        </div>
        <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">Show</button>
        {csvHref && (
          <a href={csvHref} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium">
            Download CSV
          </a>
        )}
      </form>
      {!parsed.success && <Alert tone="error">Correct the dates to see the log.</Alert>}
      {log && (
        <section aria-label="Administered devices">
          <p className="mb-2 text-sm text-slate-700">
            Administered devices at {site.name}, {formatDay(raw.from)} to {formatDay(raw.to)}; times in {site.timeZone}. The CSV has every row.
          </p>
          <DataTable
            label="Administered devices"
            noun="devices"
            empty="No devices were administered in this period."
            page={log}
            columns={[
              { id: "date", header: "Date", nowrap: true },
              { id: "time", header: "Time", nowrap: true },
              { id: "patient", header: "Patient", rowHeader: true },
              { id: "mrn", header: "MRN" },
              { id: "dose", header: "Dose", align: "right", nowrap: true },
              { id: "devices", header: "Devices", align: "right" },
              { id: "serial", header: "Device", nowrap: true },
              { id: "lot", header: "Lot" },
              { id: "nurse", header: "Nurse" },
            ]}
            rows={log.rows.map((r) => ({
              id: r.administrationId,
              cells: {
                date: formatDay(r.date),
                time: r.time,
                patient: r.patient,
                mrn: r.mrn,
                dose: r.doseMg != null ? `${r.doseMg} mg` : "—",
                devices: `${r.sequence} of ${r.devicesInSession}`,
                serial: r.serial,
                lot: r.lotNumber,
                nurse: (
                  <>
                    {r.nurse}
                    {r.enteredInError && <span className="block text-sm text-red-800">Entered in error: {r.enteredInError} — device back on hand</span>}
                  </>
                ),
              },
            }))}
          />
        </section>
      )}
    </>
  );
}
