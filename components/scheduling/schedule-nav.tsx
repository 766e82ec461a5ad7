import Link from "next/link";

const link = "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100";
const current = "inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white";

/** Day / week switch, previous / next, today, and the site choice (for staff of several sites). */
export function ScheduleNav({
  view,
  siteId,
  sites,
  date,
  prev,
  next,
  today,
  label,
}: {
  view: "day" | "week";
  siteId: string;
  sites: { id: string; name: string }[];
  date: string;
  prev: string;
  next: string;
  today: string;
  label: string;
}) {
  const base = view === "day" ? "/schedule" : "/schedule/week";
  const q = (d: string) => `${base}?site=${siteId}&date=${d}`;
  return (
    <div className="mb-4 flex flex-wrap items-end gap-2">
      <nav aria-label="Schedule view" className="flex gap-2">
        <Link href={`/schedule?site=${siteId}&date=${date}`} aria-current={view === "day" ? "page" : undefined} className={view === "day" ? current : link}>
          Day
        </Link>
        <Link
          href={`/schedule/week?site=${siteId}&date=${date}`}
          aria-current={view === "week" ? "page" : undefined}
          className={view === "week" ? current : link}
        >
          Week
        </Link>
      </nav>
      <nav aria-label={view === "day" ? "Days" : "Weeks"} className="flex gap-2">
        <Link href={q(prev)} className={link}>
          {view === "day" ? "Previous day" : "Previous week"}
        </Link>
        <Link href={q(today)} className={link}>
          Today
        </Link>
        <Link href={q(next)} className={link}>
          {view === "day" ? "Next day" : "Next week"}
        </Link>
      </nav>
      {sites.length > 1 && (
        <form method="get" action={base} className="flex items-end gap-2" aria-label="Choose site">
          <input type="hidden" name="date" value={date} />
          <label className="flex flex-col font-medium">
            Site
            <select name="site" defaultValue={siteId} className="min-h-11 rounded-md border border-slate-300 bg-white px-3">
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button className={link}>Show</button>
        </form>
      )}
      <p className="ml-auto text-lg font-semibold" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
