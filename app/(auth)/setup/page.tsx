import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { needsFirstRun } from "@/lib/setup/first-run";
import { zonesUsFirst } from "@/lib/sites/schema";
import { siteDay } from "@/lib/time/days";
import { SetupForm } from "@/components/setup/setup-form";

export const metadata: Metadata = { title: "Set up the tracker" };
export const dynamic = "force-dynamic";

/** Reachable without sign-in only while the database has no user; afterwards it does not exist. */
export default async function SetupPage() {
  if (!(await needsFirstRun())) notFound();
  const zones = zonesUsFirst();
  return (
    <main className="mx-auto flex max-w-4xl flex-col p-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Esketamine Session Tracker</p>
      <h1 className="mb-2 mt-1 text-3xl font-semibold">Set up the tracker</h1>
      <p className="mb-6 max-w-2xl text-slate-700">
        This database is empty. Create the first administrator and the clinic&apos;s first site; the administrator then signs in and adds staff, more sites and
        the first lot of devices. This page is available only until the first account exists.
      </p>
      <SetupForm today={siteDay(new Date(), "America/New_York")} timeZones={zones} />
    </main>
  );
}
