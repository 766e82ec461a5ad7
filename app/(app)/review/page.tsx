import type { Metadata } from "next";
import Link from "next/link";
import { BackEntryBadge } from "@/components/sessions/back-entry-badge";
import { authorizePage } from "@/lib/auth/authorize";
import { formatDateTime } from "@/lib/patients/format";
import { reviewQueue } from "@/lib/review/queue";
import { plainWords, ruleCodes } from "@/lib/review/plain-words";
import { PageHeader } from "@/components/ui/page-header";
import { GateDecision } from "@/components/sessions/gate-panel";
import type { GateDecisionInput } from "@/lib/sessions/schema";

export const metadata: Metadata = { title: "Review" };

const card = "rounded-lg border border-slate-200 bg-white p-4";
const button = "inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800";
const age = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`);
const TONE = {
  red: "border-red-300 bg-red-50 text-red-900",
  amber: "border-amber-400 bg-amber-50 text-amber-900",
  slate: "border-slate-300 bg-slate-50 text-slate-800",
};

/** A message in plain words; its rule codes stay in the tooltip. */
const Words = ({ text }: { text: string }) => <span title={ruleCodes(text) || undefined}>{plainWords(text)}</span>;

type Section = { key: string; title: string; count: number; nothing: string; items: React.ReactNode };

/**
 * The psychiatrist's queue at their sites; every item opens the session where the work is. Sections with work
 * come first, each with its count; empty ones fold into one line at the bottom. Times are the site's, 24-hour.
 */
export default async function ReviewPage() {
  const user = await authorizePage("review.view");
  const q = await reviewQueue(user.siteIds, new Date());
  const sections: Section[] = [
    {
      key: "gated",
      title: "Waiting for a prescriber's decision",
      count: q.gated.length,
      nothing: "prescriber decisions",
      items: q.gated.map((c) => (
        <li key={c.sessionId} className={card}>
          <p className="text-lg font-semibold">
            {c.patientName}{" "}
            <span className="text-base font-normal text-slate-700">
              · {c.chair} · in clinic {age(c.waitingMinutes)}
            </span>
          </p>
          <ul className="my-2 flex flex-col gap-3">
            {c.gates.map((g) => (
              <li key={g.code}>
                <p>
                  <Words text={g.message.replace(/^Prescriber decision needed: /, "")} />
                </p>
                <GateDecision sessionId={c.sessionId} rule={g.code.replace(/_GATE$/, "") as GateDecisionInput["rule"]} />
              </li>
            ))}
          </ul>
          <Link href={`/sessions/${c.sessionId}#gates`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            Open session
          </Link>
        </li>
      )),
    },
    {
      key: "suicide-risk",
      title: "Suicide-risk follow-up",
      count: q.suicideRisk.length,
      nothing: "suicide-risk follow-up",
      items: q.suicideRisk.map((r) => (
        <li key={r.id} className={`${card} border-red-300`}>
          <p className="font-semibold">{r.patient}</p>
          <p className="my-2">PHQ-9 item 9 above 0 on {formatDateTime(r.takenAt, r.timeZone)}; no C-SSRS screener since.</p>
          <Link href={`/patients/${r.patientId}/course#record-outcome`} className={button}>
            Open outcomes
          </Link>
        </li>
      )),
    },
    {
      key: "alerted",
      title: "Sessions with alerts",
      count: q.alerted.length,
      nothing: "alerts",
      items: q.alerted.map((c) => (
        <li key={c.sessionId} className={card}>
          <p className="text-lg font-semibold">
            {c.patientName} <span className="text-base font-normal text-slate-700">· {c.chair}</span>
          </p>
          <ul className="my-2 list-disc pl-5">
            {c.alerts.map((a) => (
              <li key={a.code}>
                <Words text={a.message} />
              </li>
            ))}
          </ul>
          <Link href={`/sessions/${c.sessionId}`} className={button}>
            Open session
          </Link>
        </li>
      )),
    },
    {
      key: "sign-off",
      title: "Sessions awaiting sign-off",
      count: q.awaitingSignOff.length,
      nothing: "sign-off",
      items: q.awaitingSignOff.map((s) => (
        <li key={s.id} className={card} data-testid="sign-off-card">
          <p className="font-semibold">
            {s.patient} <span className="font-normal text-slate-700">MRN {s.mrn}</span>
            <BackEntryBadge reason={s.backEntryReason} />
          </p>
          <p className="text-sm text-slate-700">{s.site}</p>
          <dl className="my-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
            <dt className="text-slate-700">{s.status === "DISCHARGED" ? "Discharged" : "Emergency transfer"}</dt>
            <dd>{s.endedAt ? formatDateTime(s.endedAt, s.timeZone) : "—"}</dd>
            <dt className="text-slate-700">Dose</dt>
            <dd>{s.doseMg ? `${s.doseMg} mg` : "—"}</dd>
            <dt className="text-slate-700">Peak BP</dt>
            <dd>{s.peak ? `${s.peak.systolic}/${s.peak.diastolic}` : "—"}</dd>
          </dl>
          {!!s.flags.length && (
            <ul aria-label="Flags" className="mb-2 flex flex-wrap gap-2">
              {s.flags.map((f) => (
                <li key={f.kind} className={`rounded-full border px-2 py-0.5 text-sm ${TONE[f.tone]}`}>
                  {f.text}
                </li>
              ))}
            </ul>
          )}
          <Link href={`/sessions/${s.id}/sign-off`} className={button}>
            Review and sign
          </Link>
        </li>
      )),
    },
    {
      key: "adverse-events",
      title: "Adverse events to review",
      count: q.adverseEvents.length,
      nothing: "adverse events",
      items: q.adverseEvents.map((a) => (
        <li key={a.id} className={card}>
          <p className="font-semibold">
            {a.patient} · {a.type.toLowerCase().replace("_", " ")}
            {a.serious ? " · serious" : ""}
            {a.resolvedAt ? "" : " · open"}
          </p>
          <p className="my-2">
            {formatDateTime(a.onsetAt, a.timeZone)}: {a.description}
          </p>
          {a.sessionId && (
            <Link href={`/sessions/${a.sessionId}#timeline`} className={button}>
              Open session
            </Link>
          )}
        </li>
      )),
    },
    {
      key: "deviations",
      title: "Protocol deviations to review",
      count: q.deviations.length,
      nothing: "protocol deviations",
      items: q.deviations.map((d) => (
        <li key={d.id} className={card}>
          <p className="font-semibold">{d.patient}</p>
          <p className="my-2">
            {formatDateTime(d.detectedAt, d.timeZone)}: <Words text={d.description} />
          </p>
          <Link href={`/sessions/${d.sessionId}#deviations`} className={button}>
            Open session
          </Link>
        </li>
      )),
    },
  ];
  const waiting = sections.filter((s) => s.count);
  const empty = sections.filter((s) => !s.count);
  return (
    <>
      <PageHeader title="Review" />
      {waiting.map((s) => (
        <section key={s.key} aria-labelledby={`queue-${s.key}`} data-testid={`queue-${s.key}`} className="mb-6">
          <h2 id={`queue-${s.key}`} className="mb-2 text-lg font-semibold">
            {s.title} ({s.count})
          </h2>
          <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">{s.items}</ul>
        </section>
      ))}
      {!waiting.length && <p className="mb-4 text-lg">Nothing is waiting for you.</p>}
      {!!empty.length && (
        <p data-testid="queue-empty" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-slate-700">
          Nothing waiting: {empty.map((s) => s.nothing).join(", ")}.
        </p>
      )}
    </>
  );
}
