import type { Metadata } from "next";
import Link from "next/link";
import { BackEntryBadge } from "@/components/sessions/back-entry-badge";
import { authorizePage } from "@/lib/auth/authorize";
import { formatDateTime } from "@/lib/patients/format";
import { reviewQueue } from "@/lib/review/queue";
import { PageHeader } from "@/components/ui/page-header";
import { GateDecision } from "@/components/sessions/gate-panel";
import type { GateDecisionInput } from "@/lib/sessions/schema";

export const metadata: Metadata = { title: "Review" };

const card = "rounded-lg border border-slate-200 bg-white p-4";
const button = "inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800";
const age = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);

function Section({ title, count, empty, children }: { title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="mb-6">
      <h2 className="mb-2 text-lg font-semibold">{title} ({count})</h2>
      {count ? <ul className="grid gap-3 md:grid-cols-2">{children}</ul> : <p className="text-slate-700">{empty}</p>}
    </section>
  );
}

/** The psychiatrist's queue at their sites; every item opens the session where the work is. */
export default async function ReviewPage() {
  const user = await authorizePage("review.view");
  const q = await reviewQueue(user.siteIds, new Date());
  return (
    <>
      <PageHeader title="Review" />
      <Section title="Waiting for a prescriber's decision" count={q.gated.length} empty="No open GATEs.">
        {q.gated.map((c) => (
          <li key={c.sessionId} className={card}>
            <p className="text-lg font-semibold">{c.patientName} <span className="text-base font-normal text-slate-600">· {c.chair} · in clinic {age(c.waitingMinutes)}</span></p>
            <ul className="my-2 flex flex-col gap-3">{c.gates.map((g) => (
              <li key={g.code}>
                <p>{g.message.replace(/^Prescriber decision needed: /, "")}</p>
                <GateDecision sessionId={c.sessionId} rule={g.code.replace(/_GATE$/, "") as GateDecisionInput["rule"]} />
              </li>
            ))}</ul>
            <Link href={`/sessions/${c.sessionId}#gates`} className="text-brand-700 underline">Open session</Link>
          </li>
        ))}
      </Section>
      <Section title="Suicide-risk follow-up" count={q.suicideRisk.length} empty="No PHQ-9 item 9 answers waiting for a C-SSRS.">
        {q.suicideRisk.map((r) => (
          <li key={r.id} className={`${card} border-red-300`}>
            <p className="font-semibold">{r.patient}</p>
            <p className="my-2">PHQ-9 item 9 above 0 on {formatDateTime(r.takenAt, r.timeZone)}; no C-SSRS screener since.</p>
            <Link href={`/patients/${r.patientId}/course#record-outcome`} className={button}>Open outcomes</Link>
          </li>
        ))}
      </Section>
      <Section title="Sessions with alerts" count={q.alerted.length} empty="No alerts.">
        {q.alerted.map((c) => (
          <li key={c.sessionId} className={card}>
            <p className="text-lg font-semibold">{c.patientName} <span className="text-base font-normal text-slate-600">· {c.chair}</span></p>
            <ul className="my-2 list-disc pl-5">{c.alerts.map((a) => <li key={a.code}>{a.message}</li>)}</ul>
            <Link href={`/sessions/${c.sessionId}`} className={button}>Open session</Link>
          </li>
        ))}
      </Section>
      <Section title="Adverse events to review" count={q.adverseEvents.length} empty="No adverse events waiting for review.">
        {q.adverseEvents.map((a) => (
          <li key={a.id} className={card}>
            <p className="font-semibold">{a.patient} · {a.type.toLowerCase().replace("_", " ")}{a.serious ? " · serious" : ""}{a.resolvedAt ? "" : " · open"}</p>
            <p className="my-2">{formatDateTime(a.onsetAt, a.timeZone)}: {a.description}</p>
            {a.sessionId && <Link href={`/sessions/${a.sessionId}#timeline`} className={button}>Open session</Link>}
          </li>
        ))}
      </Section>
      <Section title="Protocol deviations to review" count={q.deviations.length} empty="No protocol deviations waiting for review.">
        {q.deviations.map((d) => (
          <li key={d.id} className={card}>
            <p className="font-semibold">{d.patient}</p>
            <p className="my-2">{formatDateTime(d.detectedAt, d.timeZone)}: {d.description}</p>
            <Link href={`/sessions/${d.sessionId}#deviations`} className={button}>Open session</Link>
          </li>
        ))}
      </Section>
      <Section title="Sessions awaiting sign-off" count={q.awaitingSignOff.length} empty="Every closed session is signed.">
        {q.awaitingSignOff.map((s) => (
          <li key={s.id} className={card}>
            <p className="font-semibold">{s.patient} <span className="font-normal text-slate-600">MRN {s.mrn}</span><BackEntryBadge reason={s.backEntryReason} /></p>
            <p className="my-2">{s.status === "DISCHARGED" ? "Discharged" : "Emergency transfer"} {s.endedAt ? formatDateTime(s.endedAt, s.timeZone) : ""}
              {s.adverseEvents > 0 && ` · ${s.adverseEvents} adverse event${s.adverseEvents > 1 ? "s" : ""}`}{s.deviations > 0 && ` · ${s.deviations} deviation${s.deviations > 1 ? "s" : ""}`}
              {s.alerts > 0 && ` · ${s.alerts} alert${s.alerts > 1 ? "s" : ""}`}{s.acknowledgements > 0 && ` · ${s.acknowledgements} warning${s.acknowledgements > 1 ? "s" : ""} acknowledged`}</p>
            <Link href={`/sessions/${s.id}#sign-off`} className={button}>Review and sign</Link>
          </li>
        ))}
      </Section>
    </>
  );
}
