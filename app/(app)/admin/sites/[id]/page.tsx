import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { siteForEdit } from "@/lib/sites/data";
import { zonesUsFirst } from "@/lib/sites/schema";
import { siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { SiteForm } from "@/components/admin/site-form";
import { ArChangeForm } from "@/components/admin/ar-change-form";
import { ChairList } from "@/components/admin/chair-list";
import { CertificationBadge, formatDay, formatInstant, StatusBadge } from "@/components/admin/badge";
import { SiteStatus } from "@/components/admin/site-status";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Edit site" };

export default async function EditSitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  await authorizeRecordPage("site.manage", "Site", id); // only an administrator of this site

  const s = await siteForEdit(id);
  if (!s) notFound();
  const zones = zonesUsFirst();
  const today = siteDay(new Date(), s.timeZone);
  const { created } = await searchParams;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/sites" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← All sites
        </Link>
      </p>
      <PageHeader title={s.name}>
        <span className="inline-flex items-center gap-2 text-slate-700">
          {s.code} · <CertificationBadge status={s.certificationStatus} />
          {s.deactivatedAt && <StatusBadge tone="slate">Inactive</StatusBadge>}
        </span>
      </PageHeader>
      {created && (
        <div className="mb-4 max-w-4xl">
          <Alert tone="success">Site created. You can now add its staff under Users.</Alert>
        </div>
      )}
      {s.certificationStatus === "RECERTIFICATION_REQUIRED" && (
        <p role="status" className="mb-4 max-w-4xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          Recertification required: the authorized representative changed{s.currentAr ? ` on ${formatDay(s.currentAr.fromDate)}` : ""}. When the new
          representative has re-certified the site with the REMS, set the status to Certified with the new date.
        </p>
      )}
      <SiteForm
        siteId={s.id}
        timeZones={zones}
        initial={{
          version: s.version,
          name: s.name,
          settingType: s.settingType,
          certificationStatus: s.certificationStatus,
          certifiedAt: s.certifiedAt,
          remsSettingId: s.remsSettingId,
          acquisitionMethods: s.acquisitionMethods,
          pulseOximeterAttested: s.pulseOximeterAttested,
          recertificationBlocksDosing: s.recertificationBlocksDosing,
          address1: s.address1,
          address2: s.address2,
          city: s.city,
          state: s.state,
          zip: s.zip,
          phone: s.phone,
          timeZone: s.timeZone,
          postDoseAlertSystolic: s.postDoseAlertSystolic,
          postDoseAlertDiastolic: s.postDoseAlertDiastolic,
          urgentSystolic: s.urgentSystolic,
          urgentDiastolic: s.urgentDiastolic,
          spo2AlertThreshold: s.spo2AlertThreshold,
          preDoseCeilingSystolic: s.preDoseCeilingSystolic ?? "",
          preDoseCeilingDiastolic: s.preDoseCeilingDiastolic ?? "",
          idleLockMinutes: s.idleLockMinutes,
          lateEntryMinutes: s.lateEntryMinutes,
          appointmentBlockMinutes: s.appointmentBlockMinutes,
          observationAnchor: s.observationAnchor,
        }}
      />
      <section aria-labelledby="ar-heading" className="mt-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="ar-heading" className="mb-3 text-lg font-semibold">
          Authorized representative
        </h2>
        {s.currentAr ? (
          <dl className="mb-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">Current</dt>
            <dd className="font-medium">{s.currentAr.name}</dd>
            <dt className="text-slate-600">Since</dt>
            <dd>{formatDay(s.currentAr.fromDate)}</dd>
            {s.currentAr.email && (
              <>
                <dt className="text-slate-600">Email</dt>
                <dd>{s.currentAr.email}</dd>
              </>
            )}
            {s.currentAr.phone && (
              <>
                <dt className="text-slate-600">Phone</dt>
                <dd>{s.currentAr.phone}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="mb-4 text-red-800">No current authorized representative is recorded. The REMS requires one for a certified site.</p>
        )}
        {!!s.pastArs.length && (
          <details className="mb-4">
            <summary className="inline-flex min-h-11 cursor-pointer items-center">Earlier representatives ({s.pastArs.length})</summary>
            <ul className="ml-5 list-disc">
              {s.pastArs.map((a) => (
                <li key={a.id}>
                  {a.name}: {formatDay(a.fromDate)} – {formatDay(a.toDate!)}
                </li>
              ))}
            </ul>
          </details>
        )}
        <ArChangeForm siteId={s.id} today={today} />
      </section>
      <section aria-labelledby="chairs-heading" className="mt-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="chairs-heading" className="mb-3 text-lg font-semibold">
          Chairs
        </h2>
        <ChairList siteId={s.id} chairs={s.chairs} />
      </section>
      <SiteStatus siteId={s.id} name={s.name} deactivatedLabel={s.deactivatedAt ? formatInstant(s.deactivatedAt, s.timeZone) : null} />
    </>
  );
}
