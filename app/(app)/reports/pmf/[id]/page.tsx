import type { Metadata } from "next";
import Link from "next/link";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { db } from "@/lib/db/client";
import { displayValue, PMF_SECTIONS } from "@/lib/pmf/field-keys";
import { amendmentNotes, pmfStatusLine } from "@/lib/pmf/links";
import { dateOnly } from "@/lib/time/days";
import { PrintButton } from "@/components/ui/print-button";

export const metadata: Metadata = { title: "Patient Monitoring Form" };

/** One Patient Monitoring Form as a printable page: the same sections and values as the faxed PDF. */
export default async function PmfPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await authorizeRecordPage("reports.view", "PatientMonitoringForm", id);
  const pmf = (await db().patientMonitoringForm.findUnique({
    where: { id },
    include: {
      amends: { select: { id: true, submittedAt: true, confirmation: true } },
      amendedBy: { select: { id: true, createdAt: true, status: true } },
      session: { select: { site: { select: { timeZone: true } } } },
    },
  }))!;
  const tz = pmf.session.site.timeZone;
  const fields = (pmf.fields ?? {}) as Record<string, unknown>;
  return (
    <article aria-label="Patient Monitoring Form" className="mx-auto max-w-3xl rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0">
      <div className="no-print mb-4 flex flex-wrap gap-3">
        <Link href="/reports" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Back to the worklist
        </Link>
        <PrintButton />
        <Link href={`/api/reports/pmf/${id}/pdf`} prefetch={false} className="inline-flex min-h-11 items-center text-brand-700 underline">
          PDF to fax
        </Link>
        <a href={`/api/sessions/${pmf.sessionId}/audit-packet?format=pdf`} download className="inline-flex min-h-11 items-center text-brand-700 underline">
          Session audit packet (PDF)
        </a>
        <a href={`/api/sessions/${pmf.sessionId}/audit-packet?format=json`} download className="inline-flex min-h-11 items-center text-brand-700 underline">
          Session audit packet (JSON)
        </a>
      </div>
      <h1 className="text-xl font-semibold">SPRAVATO® REMS — Patient Monitoring Form</h1>
      <p className="text-sm text-slate-700">{pmfStatusLine({ ...pmf, dueDate: dateOnly(pmf.dueDate) }, tz)}</p>
      {amendmentNotes({ ...pmf }, tz).map((n) => (
        <p key={n} className="mt-2 font-semibold">
          {n}
        </p>
      ))}
      {PMF_SECTIONS.map((section) => (
        <section key={section.title} aria-label={section.title} className="mt-4 break-inside-avoid">
          <h2 className="border-b border-slate-400 font-semibold">{section.title}</h2>
          <dl className="grid grid-cols-[1fr_auto] gap-x-6 text-sm">
            {section.fields.map(([key, label]) => (
              <div key={key} className="contents">
                <dt className="py-0.5">{label}</dt>
                <dd className="py-0.5 text-right font-semibold">{displayValue(fields[key])}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="mt-4 text-xs text-slate-700">Values are derived from the session record; they are not typed again.</p>
    </article>
  );
}
