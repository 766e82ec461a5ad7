import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { can } from "@/lib/auth/permissions";
import { amendmentsOf, signOffRecord } from "@/lib/signoff/data";
import { SIGNATURE_MEANINGS, type SignatureMeaning } from "@/lib/signoff/rules";
import { formatDateTime } from "@/lib/patients/format";
import { plainWords, ruleCodes } from "@/lib/review/plain-words";
import { Alert } from "@/components/ui/alert";
import { PrintButton } from "@/components/ui/print-button";
import { SignSessionForm } from "@/components/review/sign-off-panel";

export const metadata: Metadata = { title: "Sign-off" };

/**
 * The psychiatrist's sign-off: what is signed — the record built from the content the signature hashes — then
 * the meaning and the password. Printed, it is the record with the signature as text (no form on paper).
 */
export default async function SignOffPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await authorizeRecordPage("patient.read", "TreatmentSession", id);
  const [record, amendments] = await Promise.all([signOffRecord(id), amendmentsOf(id)]);
  if (!record) notFound();
  const { signature, sections, problems, timeZone: tz } = record;
  const closed = record.status === "DISCHARGED" || record.status === "EMERGENCY_TRANSFER";
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            Sign-off: {record.patient.name} <span className="text-base font-normal text-slate-700">MRN {record.patient.mrn}</span>
          </h1>
          <p className="text-slate-700">
            {record.site}
            {record.chair ? ` · ${record.chair}` : ""}
          </p>
        </div>
        <div className="no-print flex flex-wrap items-center gap-3">
          <Link href={`/sessions/${id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            Back to the session
          </Link>
          <PrintButton label="Print the record" />
        </div>
      </div>

      <section id="signature" aria-labelledby="signature-heading" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="signature-heading" className="mb-2 text-lg font-semibold">
          Signature
        </h2>
        {signature ? (
          <div className="flex flex-col gap-2">
            <p data-testid="signature">
              Signed by <strong>{signature.printedName}</strong> on {formatDateTime(signature.signedAt, tz)} —{" "}
              {SIGNATURE_MEANINGS[signature.meaning as SignatureMeaning]}.
            </p>
            {signature.state === "valid" ? (
              <Alert tone="success">Signature valid: the record below is as it was signed. This session is locked; corrections are amendments.</Alert>
            ) : (
              <Alert tone="error">Changed since signing: the record no longer matches what was signed. Report this to the administrator.</Alert>
            )}
          </div>
        ) : !closed ? (
          <p className="text-slate-700">Not signed: the session is still open. It can be signed once the patient is discharged or transferred.</p>
        ) : problems.length ? (
          <Alert tone="warning">Not ready to sign: {problems.join(" ")}</Alert>
        ) : can(user.role, "session.sign") ? (
          <p className="text-slate-700">Not signed yet. Read the record below, then choose what your signature means.</p>
        ) : (
          <p className="text-slate-700">Not signed yet: a psychiatrist signs the session after review.</p>
        )}
      </section>

      <section aria-labelledby="signed-heading" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="signed-heading" className="mb-1 text-lg font-semibold">
          {signature ? "What was signed" : can(user.role, "session.sign") ? "What you are signing" : "What will be signed"}
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Exactly the content the signature covers{signature ? ", as it was at signing" : ""}. Times are {tz} time, 24-hour clock.
        </p>
        <div className="grid gap-4 md:grid-cols-2 print:grid-cols-2">
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`signed-${s.id}`} data-testid={`signed-${s.id}`} className="break-inside-avoid">
              <h3 id={`signed-${s.id}`} className="mb-1 font-semibold">
                {s.title}
              </h3>
              {s.lines.length ? (
                <dl className="grid grid-cols-[minmax(6rem,11rem)_1fr] gap-x-3 gap-y-1 text-sm">
                  {s.lines.map((l, i) => (
                    <div key={i} className="contents">
                      <dt className="text-slate-700">{l.label}</dt>
                      <dd className={l.struck ? "text-slate-600 line-through" : ""}>
                        <span title={ruleCodes(l.value) || undefined}>{plainWords(l.value)}</span>
                        {l.struck && <span className="sr-only"> (entered in error)</span>}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm text-slate-700">{s.empty}</p>
              )}
            </section>
          ))}
        </div>
        {!!amendments.length && (
          <>
            <h3 className="mt-4 mb-1 font-semibold">Amendments (beside the signed record, not part of it)</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {amendments.map((a) => (
                <li key={a.id} className="border-l-4 border-amber-500 bg-amber-50 px-3 py-1">
                  {a.correction} — reason: {a.reason} ({a.author}, {formatDateTime(a.amendedAt, tz)})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {!signature && closed && !problems.length && can(user.role, "session.sign") && (
        <section aria-labelledby="sign-heading" className="no-print rounded-lg border-2 border-brand-600 bg-white p-4">
          <h2 id="sign-heading" className="mb-2 text-lg font-semibold">
            Sign
          </h2>
          <SignSessionForm sessionId={id} discharged={record.status === "DISCHARGED"} />
        </section>
      )}
    </>
  );
}
