import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scheduleDay } from "@/lib/scheduling/data";
import { schedulePageScope } from "@/lib/scheduling/page-scope";
import { addDays } from "@/lib/time/days";
import { formatCalendarDate } from "@/lib/patients/format";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleNav } from "@/components/scheduling/schedule-nav";
import { DayGrid } from "@/components/scheduling/day-grid";

export const metadata: Metadata = { title: "Schedule" };

/** One site's day: chairs × blocks of the site's length, in the site's zone. */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ site?: string; date?: string }> }) {
  const { user, site, today, date } = await schedulePageScope("appointment.book", await searchParams);
  if (!site)
    return (
      <>
        <PageHeader title="Schedule" />
        <p>You are not assigned to a site.</p>
      </>
    );
  const now = new Date();
  const day = await scheduleDay(site.id, date);
  if (!day) notFound();
  return (
    <>
      <PageHeader title={`Schedule — ${site.name}`} />
      <ScheduleNav
        view="day"
        siteId={site.id}
        sites={user.sites}
        date={date}
        prev={addDays(date, -1)}
        next={addDays(date, 1)}
        today={today}
        label={`${new Intl.DateTimeFormat("en-US", { weekday: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`))}, ${formatCalendarDate(new Date(`${date}T00:00:00Z`))}${date === today ? " (today)" : ""}`}
      />
      <p className="mb-3 text-slate-700">
        Blocks of {day.site.blockMinutes} minutes (check-in, dosing, 2-hour observation, discharge). Times in the clinic&apos;s zone ({day.site.timeZone}).
      </p>
      <DayGrid day={day} now={now} />
    </>
  );
}
