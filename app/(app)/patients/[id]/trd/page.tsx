import type { Metadata } from "next";
import Link from "next/link";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { trdCriteria, whyNotAdequate, formatWeeks } from "@/lib/outcomes/trd-rules";
import { trdDocumentation } from "@/lib/outcomes/trials";
import { patientDetail } from "@/lib/patients/data";
import { formatCalendarDate } from "@/lib/patients/format";
import { siteDay } from "@/lib/time/days";
import { PatientTabs } from "@/components/patients/patient-tabs";
import { PrintButton } from "@/components/ui/print-button";
import { TrialForm } from "@/components/review/trial-form";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "TRD documentation" };

const OUTCOME = { NO_RESPONSE: "No response", PARTIAL_RESPONSE: "Partial response", INTOLERANCE: "Intolerance", REMISSION: "Remission" } as const;
const cal = (d: Date | string) => formatCalendarDate(typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d);

/** One printable page for a prior-authorization request: the trials of the current episode and whether the TRD criteria are met. */
export default async function TrdPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await authorizeRecordPage("patient.read", "Patient", id);
  const p = (await patientDetail(id))!;
  const doc = await trdDocumentation(id);
  const summary = trdCriteria(doc.trials);
  const today = siteDay(new Date(), p.site.timeZone);
  return (
    <>
      <div className="no-print">
        <PatientTabs
          patientId={id}
          name={`${p.firstName} ${p.lastName}`}
          mrn={p.mrn}
          current="trd"
          action={<PrintButton label="Print for prior authorization" />}
        />
      </div>
      <article aria-label="TRD summary" className="rounded-lg border border-slate-200 bg-white p-6 text-sm print:border-0 print:p-0 print:text-[11px]">
        <header className="mb-3 border-b border-slate-300 pb-2">
          <h2 className="text-xl font-semibold">Treatment-resistant depression: antidepressant trials in the current episode</h2>
          <p>
            {p.firstName} {p.lastName} · MRN {p.mrn} · born {cal(p.birthDate)} · indication {p.indication ?? "not recorded"}
          </p>
          <p>
            {p.site.name} · prescriber {doc.prescriber ?? "not recorded"} · prepared {cal(today)}
          </p>
        </header>
        <p
          data-testid="trd-summary"
          className={`mb-3 rounded-md border-2 p-3 text-base ${summary.met ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}
        >
          <strong>≥ 2 adequate trials of different mechanisms without remission in the current episode: {summary.met ? "met" : "not met"}.</strong>{" "}
          {summary.reason}
        </p>
        <table className="mb-3 w-full border-collapse text-left tabular-nums">
          <thead>
            <tr className="border-b-2 border-slate-300">
              {["Drug", "Mechanism", "Dose", "Duration", "Adherent", "Outcome", "Counts as adequate failed trial"].map((h) => (
                <th key={h} scope="col" className="p-1.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.trials.map((t) => {
              const why = whyNotAdequate(t);
              return (
                <tr key={t.id} className="break-inside-avoid border-b border-slate-200">
                  <td className="p-1.5">
                    {t.drug}
                    {t.startedOn && <span className="block text-xs text-slate-600">from {cal(t.startedOn)}</span>}
                  </td>
                  <td className="p-1.5">{t.mechanismClass}</td>
                  <td className="p-1.5">
                    {t.doseMg != null ? `${t.doseMg} mg` : "—"}
                    {t.adequateDose ? "" : " (below adequate)"}
                  </td>
                  <td className="p-1.5">{formatWeeks(t.weeks)}</td>
                  <td className="p-1.5">{t.adherent ? "Yes" : "No"}</td>
                  <td className="p-1.5">{OUTCOME[t.outcome]}</td>
                  <td className="p-1.5">{why ? `No: ${why}` : "Yes"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!doc.trials.length && <p className="mb-3">No antidepressant trials recorded for the current episode.</p>}
        <p className="mb-1">
          A trial counts when it was taken at an adequate dose for at least 6 weeks with adherence; a trial stopped for intolerance is recorded but is not a
          failed adequate trial.
        </p>
        {!!doc.scores.length && (
          <p>
            Depression severity:{" "}
            {doc.scores
              .map(
                (s) =>
                  `${s.instrument === "PHQ9" ? "PHQ-9" : "MADRS"} baseline ${s.baseline!.total} (${cal(siteDay(s.baseline!.takenAt, p.site.timeZone))})${s.latest && s.latest.id !== s.baseline!.id ? `, latest ${s.latest.total} (${cal(siteDay(s.latest.takenAt, p.site.timeZone))})` : ""}`,
              )
              .join("; ")}
            .
          </p>
        )}
        <footer className="mt-6 grid grid-cols-2 gap-8">
          <p className="border-t border-slate-400 pt-1">Prescriber signature</p>
          <p className="border-t border-slate-400 pt-1">Date</p>
        </footer>
      </article>
      <p className="no-print mt-3">
        <Link href={`/patients/${id}/authorizations`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          Prior authorizations of this patient (dates, frequency, sessions used)
        </Link>
      </p>
      {can(user.role, "trd.manage") && (
        <section aria-labelledby="add-trial" className="no-print mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-trial" className="mb-2 text-lg font-semibold">
            Record a trial of the current episode
          </h2>
          <TrialForm patientId={id} />
        </section>
      )}
    </>
  );
}
