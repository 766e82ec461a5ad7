import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { authorizePage } from "@/lib/auth/authorize";
import { listPatients } from "@/lib/patients/data";
import { bookingChoices, scheduleDay } from "@/lib/scheduling/data";
import { siteDay } from "@/lib/time/days";
import { formatTime } from "@/lib/time/format";
import { formatCalendarDate } from "@/lib/patients/format";
import { PageHeader } from "@/components/ui/page-header";
import { BookingForm } from "@/components/scheduling/booking-form";

export const metadata: Metadata = { title: "Book a chair" };

/** Book one block: search the patient (name or MRN), choose chair and nurse; the server says why it refuses. */
export default async function BookPage({ searchParams }: { searchParams: Promise<{ site?: string; chair?: string; start?: string; q?: string }> }) {
  const { site: wanted, chair, start, q } = await searchParams;
  const user = await authorizePage("appointment.book", wanted ? { siteId: wanted, entityType: "Site", entityId: wanted } : undefined);
  const site = user.sites.find((s) => s.id === wanted) ?? user.sites[0];
  const startsAt = start ? new Date(start) : null;
  if (!site) notFound();
  // No block chosen (or not a real time): back to the day view, where free blocks are offered.
  if (!startsAt || Number.isNaN(startsAt.getTime())) redirect(`/schedule?site=${site.id}`);
  const date = siteDay(startsAt, site.timeZone);
  const [day, nurses] = await Promise.all([scheduleDay(site.id, date), bookingChoices(site.id)]);
  if (!day || !day.slots.some((s) => s.startsAt === startsAt.toISOString())) redirect(`/schedule?site=${site.id}&date=${date}`);
  const search = q?.trim() ? await listPatients([site.id], q.trim().slice(0, 100), 1) : null;
  const patients = (search?.rows ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    mrn: p.mrn,
    birthDate: formatCalendarDate(new Date(`${p.birthDate}T00:00:00Z`)),
    enrollment: p.enrollment,
  }));
  const chairId = day.chairs.some((c) => c.id === chair) ? chair! : (day.chairs[0]?.id ?? "");
  return (
    <>
      <PageHeader title={`Book a chair — ${formatCalendarDate(new Date(`${date}T00:00:00Z`))} at ${formatTime(startsAt, site.timeZone)}`}>
        <Link
          href={`/schedule?site=${site.id}&date=${date}`}
          className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium"
        >
          Back to the day
        </Link>
      </PageHeader>
      <p className="mb-3 text-slate-700">
        {site.name} · a {day.site.blockMinutes}-minute block.
      </p>
      <form method="get" role="search" aria-label="Find patient" className="mb-4 flex max-w-3xl flex-wrap items-end gap-2">
        <input type="hidden" name="site" value={site.id} />
        <input type="hidden" name="chair" value={chairId} />
        <input type="hidden" name="start" value={startsAt.toISOString()} />
        <label className="flex flex-1 flex-col font-medium">
          Find patient (name or MRN)
          <input name="q" defaultValue={q ?? ""} className="min-h-11 rounded-md border border-slate-300 bg-white px-3" />
        </label>
        <button className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Search</button>
      </form>
      {search && !patients.length && (
        <p className="mb-3">
          No patient at {site.name} matches “{q}”.
        </p>
      )}
      <BookingForm
        key={q ?? ""}
        siteId={site.id}
        date={date}
        startsAt={startsAt.toISOString()}
        chairId={chairId}
        chairs={day.chairs}
        nurses={nurses}
        me={user.id}
        patients={patients}
      />
    </>
  );
}
