import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { listSites } from "@/lib/sites/data";
import { PageHeader } from "@/components/ui/page-header";
import { CertificationBadge } from "@/components/admin/certification-badge";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  await authorizePage("site.manage");
  const sites = await listSites();
  return (
    <>
      <PageHeader title="Sites" />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left">
          <thead className="bg-slate-100 text-sm">
            <tr><th scope="col" className="p-3">Site</th><th scope="col" className="p-3">Code</th><th scope="col" className="p-3">Setting</th><th scope="col" className="p-3">REMS certification</th><th scope="col" className="p-3">Location</th><th scope="col" className="p-3">Time zone</th></tr>
          </thead>
          <tbody>
            {sites.map((s) => (
                <tr key={s.id} className="border-t border-slate-200">
                  <td className="p-3"><Link href={`/admin/sites/${s.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{s.name}</Link></td>
                  <td className="p-3">{s.code}</td>
                  <td className="p-3">{s.settingType === "OUTPATIENT" ? "Outpatient" : "Inpatient"}</td>
                  <td className="p-3"><CertificationBadge status={s.certificationStatus} /></td>
                  <td className="p-3">{s.city}, {s.state}</td>
                  <td className="p-3">{s.timeZone}</td>
                </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
