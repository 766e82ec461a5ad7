import type { Metadata } from "next";
import Link from "next/link";
import { authorizePage } from "@/lib/auth/authorize";
import { boardFor } from "@/lib/sessions/view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review" };

/** The psychiatrist's queue: sessions waiting for a GATE decision, then sessions with alerts, at their sites. */
export default async function ReviewPage() {
  const user = await authorizePage("review.view");
  const cards = await boardFor(user.siteIds, new Date());
  const gated = cards.filter((c) => c.gates.length);
  const alerted = cards.filter((c) => !c.gates.length && c.alerts.length);
  const item = (c: (typeof cards)[number], lines: { code: string; message: string }[]) => (
    <li key={c.sessionId} className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-lg font-semibold">{c.patientName} <span className="text-base font-normal text-slate-600">· {c.chair}</span></p>
      <ul className="my-2 list-disc pl-5">{lines.map((g) => <li key={g.code}>{g.message.replace(/^Prescriber decision needed: /, "")}</li>)}</ul>
      <Link href={`/sessions/${c.sessionId}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Open session to decide</Link>
    </li>
  );
  return (
    <>
      <PageHeader title="Review" />
      <section aria-label="Waiting for your decision" className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">Waiting for a prescriber&apos;s decision ({gated.length})</h2>
        {gated.length ? <ul className="grid gap-3 md:grid-cols-2">{gated.map((c) => item(c, c.gates))}</ul> : <p className="text-slate-700">No open GATEs.</p>}
      </section>
      <section aria-label="Sessions with alerts">
        <h2 className="mb-2 text-lg font-semibold">Sessions with alerts ({alerted.length})</h2>
        {alerted.length ? <ul className="grid gap-3 md:grid-cols-2">{alerted.map((c) => item(c, c.alerts))}</ul> : <p className="text-slate-700">No alerts.</p>}
      </section>
    </>
  );
}
