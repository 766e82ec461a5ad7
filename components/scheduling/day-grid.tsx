import Link from "next/link";
import type { ScheduleDay } from "@/lib/scheduling/data";
import { formatCalendarDate } from "@/lib/patients/format";
import { AppointmentActions } from "./appointment-actions";

const STATUS: Record<string, { label: string; cls: string }> = {
  BOOKED: { label: "Booked", cls: "bg-sky-100 text-sky-900" },
  CHECKED_IN: { label: "Checked in", cls: "bg-green-100 text-green-900" },
  NO_SHOW: { label: "No-show", cls: "bg-amber-100 text-amber-900" },
  CANCELLED: { label: "Cancelled", cls: "bg-slate-200 text-slate-800" },
};
export const born = (d: string) => formatCalendarDate(new Date(`${d}T00:00:00Z`));

/** Chairs across, the day's blocks down: a booked block shows the patient, a free future one a "Book" link. */
export function DayGrid({ day, now }: { day: ScheduleDay; now: Date }) {
  const live = day.appointments.filter((a) => a.status === "BOOKED" || a.status === "CHECKED_IN");
  const closed = day.appointments.filter((a) => a.status === "NO_SHOW" || a.status === "CANCELLED");
  return (
    <>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Chairs by time" tabIndex={0}>
        <table className="w-full min-w-[36rem] table-fixed border-collapse text-left">
          <caption className="sr-only">
            Appointments at {day.site.name} on {day.day}: chairs across, {day.site.blockMinutes}-minute blocks down
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="w-24 p-3">
                Time
              </th>
              {day.chairs.map((c) => (
                <th key={c.id} scope="col" className="p-3">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {day.slots.map((s) => (
              <tr key={s.startsAt} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-3 text-lg font-semibold tabular-nums">
                  {s.label}
                </th>
                {day.chairs.map((c) => {
                  const a = live.find((x) => x.chairId === c.id && x.startsAt === s.startsAt);
                  if (a) {
                    const st = STATUS[a.status];
                    return (
                      <td key={c.id} className="p-2">
                        <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
                          <p className="font-semibold">{a.patient.name}</p>
                          <p className="text-sm text-slate-700">
                            MRN {a.patient.mrn} · born {born(a.patient.birthDate)}
                          </p>
                          {a.nurse && <p className="text-sm text-slate-700">Nurse {a.nurse}</p>}
                          <span className={`mt-1 inline-block rounded px-2 py-0.5 text-sm font-medium ${st.cls}`}>{st.label}</span>
                          {a.sessionId && (
                            <Link href={`/sessions/${a.sessionId}`} className="ml-2 inline-flex min-h-11 items-center text-brand-700 underline">
                              Open session
                            </Link>
                          )}
                          {a.status === "BOOKED" && <AppointmentActions id={a.id} patientName={a.patient.name} started={new Date(a.startsAt) <= now} />}
                        </div>
                      </td>
                    );
                  }
                  const future = new Date(s.startsAt) > now;
                  return (
                    <td key={c.id} className="p-2">
                      {future ? (
                        <Link
                          href={`/schedule/book?site=${day.site.id}&chair=${c.id}&start=${encodeURIComponent(s.startsAt)}`}
                          aria-label={`Book ${c.label} at ${s.label}`}
                          className="flex min-h-16 items-center justify-center rounded-md border-2 border-dashed border-slate-300 text-brand-700 hover:border-brand-700 hover:bg-brand-50"
                        >
                          Book
                        </Link>
                      ) : (
                        <span className="flex min-h-16 items-center justify-center text-slate-600">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!day.slots.length && <p className="mt-2">No blocks on this day.</p>}
      {closed.length > 0 && (
        <section aria-labelledby="closed-visits" className="mt-6">
          <h2 id="closed-visits" className="mb-2 text-lg font-semibold">
            Cancelled and missed
          </h2>
          <ul className="grid gap-2">
            {closed.map((a) => (
              <li key={a.id} className="rounded-md border border-slate-200 bg-white p-3">
                <span className="font-medium tabular-nums">{a.time}</span> · {day.chairs.find((c) => c.id === a.chairId)?.label} · {a.patient.name} (MRN{" "}
                {a.patient.mrn}) · <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS[a.status].cls}`}>{STATUS[a.status].label}</span> —{" "}
                {a.statusReason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
