import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { authorizePage } from "@/lib/auth/authorize";
import { siteForEdit } from "@/lib/sites/data";
import { PageHeader } from "@/components/ui/page-header";
import { SiteForm } from "@/components/admin/site-form";
import { ArChangeForm } from "@/components/admin/ar-change-form";
import { CertificationBadge } from "@/components/admin/certification-badge";

export const metadata: Metadata = { title: "Edit site" };
const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  await authorizePage("site.manage");
  const { id } = await params;
  const s = await siteForEdit(id);
  if (!s) notFound();
  return (
    <>
      <PageHeader title={s.name}><CertificationBadge status={s.certificationStatus} /></PageHeader>
      <SiteForm siteId={s.id} initial={{
        version: s.version, name: s.name, settingType: s.settingType, certificationStatus: s.certificationStatus, certifiedAt: s.certifiedAt, remsSettingId: s.remsSettingId,
        acquisitionMethods: s.acquisitionMethods, pulseOximeterAttested: s.pulseOximeterAttested, address1: s.address1, address2: s.address2, city: s.city, state: s.state, zip: s.zip,
        phone: s.phone, timeZone: s.timeZone, postDoseAlertSystolic: s.postDoseAlertSystolic, postDoseAlertDiastolic: s.postDoseAlertDiastolic, urgentSystolic: s.urgentSystolic,
        urgentDiastolic: s.urgentDiastolic, spo2AlertThreshold: s.spo2AlertThreshold, preDoseCeilingSystolic: s.preDoseCeilingSystolic ?? "", preDoseCeilingDiastolic: s.preDoseCeilingDiastolic ?? "",
        idleLockMinutes: s.idleLockMinutes,
      }} />
      <section aria-labelledby="ar" className="mt-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="ar" className="mb-2 text-lg font-semibold">Authorized representative</h2>
        <p className="mb-3">{s.currentAr ? <>Current: <strong>{s.currentAr.name}</strong> since {day(s.currentAr.fromDate)}{s.currentAr.email ? ` · ${s.currentAr.email}` : ""}</> : "No current representative recorded."}</p>
        {!!s.pastArs.length && <p className="mb-3 text-sm text-slate-700">Earlier: {s.pastArs.map((a) => `${a.name} (${day(a.fromDate)} – ${day(a.toDate!)})`).join("; ")}</p>}
        <ArChangeForm siteId={s.id} />
      </section>
      <section aria-labelledby="chairs" className="mt-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="chairs" className="mb-2 text-lg font-semibold">Chairs</h2>
        <p>{s.chairs.map((c) => `${c.label}${c.active ? "" : " (inactive)"}`).join(", ") || "None"}</p>
      </section>
    </>
  );
}
