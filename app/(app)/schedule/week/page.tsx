import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { scheduleWeek } from "@/lib/scheduling/data";
import { schedulePageScope } from "@/lib/scheduling/page-scope";
import { addDays } from "@/lib/time/days";
import { formatCalendarDate } from "@/lib/patients/format";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleNav } from "@/components/scheduling/schedule-nav";

export const metadata: Metadata = { title: "Schedule — week" };

const weekday = (d: string) => new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
const cal = (d: string) => formatCalendarDate(new Date(`${d}T00:00:00Z`));

/** One site's week, Monday to Sunday: each day's visits and how many blocks are still free. */
export default async function ScheduleWeekPage({ searchParams }: { searchParams: Promise<{ site?: string; date?: string }> }) {
  const { user, site, today, date } = await schedulePageScope("appointment.book", await searchParams);
  if (!site)
    return (
      <>
        <PageHeader title="Schedule" />
        <p>You are not assigned to a site.</p>
      </>
    );
  const week = await scheduleWeek(site.id, date);
  if (!week) notFound();
  return (
    <>
      <PageHeader title={`Schedule — ${site.name}`} />
      <ScheduleNav
        view="week"
        siteId={site.id}
        sites={user.sites}
        date={date}
        prev={addDays(date, -7)}
        next={addDays(date, 7)}
        today={today}
        label={`Week of ${cal(week.days[0].day)}`}
      />
      <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" aria-label="Days of the week">
        {week.days.map((d) => (
          <li key={d.day} className={`rounded-lg border bg-white p-3 ${d.day === today ? "border-brand-700 border-2" : "border-slate-200"}`}>
            <h2 className="font-semibold">
              <Link href={`/schedule?site=${site.id}&date=${d.day}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                {weekday(d.day)} {cal(d.day)}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {d.appointments.length} booked · {d.free} free block{d.free === 1 ? "" : "s"}
            </p>
            <ul className="mt-2 grid gap-1 text-sm">
              {d.appointments.map((a) => (
                <li key={a.id} className="rounded bg-slate-50 px-2 py-1">
                  <span className="font-medium tabular-nums">{a.time}</span> {a.patient.name}
                  {a.status === "CHECKED_IN" ? " (checked in)" : ""}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
