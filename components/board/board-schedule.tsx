"use client";
import Link from "next/link";
import type { BoardSchedule } from "@/lib/scheduling/data";
import type { PatientRow } from "@/lib/patients/data";
import { formatCalendarDate } from "@/lib/patients/format";

const born = (d: string) => formatCalendarDate(new Date(`${d}T00:00:00Z`));
const checkInLink = "inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800";

/** Above the live cards (refreshed with them): today's booked visits not yet checked in, the free chairs, and finding any patient to check in. */
export function BoardSchedulePanel({ sites, q, found }: { sites: BoardSchedule; q: string; found: PatientRow[] | null }) {
  const multi = sites.length > 1;
  return (
    <div className="mb-6 grid gap-4 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="todays-appointments" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="todays-appointments" className="mb-2 text-lg font-semibold">
          Today&apos;s appointments not yet checked in
        </h2>
        {sites.every((s) => !s.appointments.length) && <p className="text-slate-700">No booked visit waiting today.</p>}
        <ul className="grid gap-2">
          {sites.flatMap((s) =>
            s.appointments.map((a) => (
              <li
                key={a.id}
                aria-label={`${a.time} ${a.patient.name}`}
                className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3"
              >
                <div>
                  <p>
                    <span className="text-lg font-semibold tabular-nums">{a.time}</span> · {a.chair}
                    {multi ? ` · ${s.siteName}` : ""}
                  </p>
                  <p className="font-medium">{a.patient.name}</p>
                  <p className="text-sm text-slate-700">
                    MRN {a.patient.mrn} · born {born(a.patient.birthDate)}
                    {a.nurse ? ` · nurse ${a.nurse}` : ""}
                  </p>
                </div>
                <Link
                  href={`/sessions/new?patientId=${a.patient.id}&appointmentId=${a.id}&chairId=${a.chairId}`}
                  className={checkInLink}
                  aria-label={`Check in ${a.patient.name}`}
                >
                  Check in
                </Link>
              </li>
            )),
          )}
        </ul>
      </section>
      <div className="grid content-start gap-4">
        <section aria-labelledby="free-chairs" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="free-chairs" className="mb-2 text-lg font-semibold">
            Free chairs
          </h2>
          {sites.map((s) => (
            <p key={s.siteId} data-testid="free-chairs">
              {multi && <span className="font-medium">{s.siteName}: </span>}
              {s.freeChairs.length ? s.freeChairs.map((c) => c.label).join(", ") : "none free"}
            </p>
          ))}
        </section>
        <section aria-labelledby="find-patient" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="find-patient" className="mb-2 text-lg font-semibold">
            Find patient
          </h2>
          <form method="get" role="search" aria-label="Find patient" className="flex flex-wrap items-end gap-2">
            <label className="flex flex-1 flex-col font-medium">
              Name or MRN
              <input name="q" defaultValue={q} className="min-h-11 rounded-md border border-slate-300 bg-white px-3" />
            </label>
            <button className="min-h-11 rounded-md border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100">Search</button>
          </form>
          {found && !found.length && <p className="mt-2">No patient matches “{q}”.</p>}
          {found && found.length > 0 && (
            <ul className="mt-2 grid gap-2">
              {found.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-2">
                  <span>
                    <span className="font-medium">{p.name}</span>
                    <span className="block text-sm text-slate-700">
                      MRN {p.mrn} · born {born(p.birthDate)}
                    </span>
                  </span>
                  <Link href={`/sessions/new?patientId=${p.id}`} className={checkInLink} aria-label={`Check in ${p.name}`}>
                    Check in
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
