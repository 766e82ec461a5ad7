import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listSites } from "@/lib/sites/data";
import { SETTING_LABELS } from "@/lib/sites/schema";
import { PageHeader } from "@/components/ui/page-header";
import { CertificationBadge, formatDay, StatusBadge } from "@/components/admin/badge";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const me = await authorizePage("site.manage");
  const sites = await listSites(me); // the sites this administrator administers
  return (
    <>
      <PageHeader title="Sites">
        <Link href="/admin/sites/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white">
          New site
        </Link>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <caption className="sr-only">Treatment sites</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">
                Site
              </th>
              <th scope="col" className="px-3 py-2">
                Setting
              </th>
              <th scope="col" className="px-3 py-2">
                REMS certification
              </th>
              <th scope="col" className="px-3 py-2">
                Authorized representative
              </th>
              <th scope="col" className="px-3 py-2">
                Time zone
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Chairs
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1 font-normal">
                  <Link href={`/admin/sites/${s.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {s.name}
                  </Link>
                  <div className="pb-2 text-sm text-slate-600">
                    {s.code} · {s.city}, {s.state}
                  </div>
                  {s.deactivatedAt && (
                    <div className="pb-2">
                      <StatusBadge tone="slate">Inactive</StatusBadge>
                    </div>
                  )}
                </th>
                <td className="px-3 py-1">{SETTING_LABELS[s.settingType]}</td>
                <td className="px-3 py-1">
                  <CertificationBadge status={s.certificationStatus} />
                  {s.certifiedAt && <div className="text-sm text-slate-600">since {formatDay(s.certifiedAt)}</div>}
                </td>
                <td className="px-3 py-1">{s.currentAr ?? <span className="text-red-800">None recorded</span>}</td>
                <td className="px-3 py-1">{s.timeZone.replaceAll("_", " ")}</td>
                <td className="px-3 py-1 text-right tabular-nums">{s.activeChairs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
