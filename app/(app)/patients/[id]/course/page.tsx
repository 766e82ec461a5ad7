import type { Metadata } from "next";
import Link from "next/link";
import { authorizeRecordPage } from "@/lib/auth/authorize-record";
import { can } from "@/lib/auth/permissions";
import { outcomesOf } from "@/lib/outcomes/data";
import { cssrsPositive } from "@/lib/outcomes/cssrs";
import { SCALES } from "@/lib/outcomes/items";
import { courseAnnotations, outcomeTrend } from "@/lib/outcomes/trend";
import { patientDetail } from "@/lib/patients/data";
import { formatDateTime } from "@/lib/patients/format";
import { COURSE_FLAGS, patientCourse, type Bp } from "@/lib/review/course";
import { courseSessionsOf } from "@/lib/review/data";
import type { CoursePoint, PhaseBand } from "@/components/review/course-chart";
import { LazyCourseBpChart, LazyOutcomeTrendChart } from "@/components/review/lazy-charts";
import { OutcomeForm } from "@/components/review/outcome-form";
import { PatientTabs } from "@/components/patients/patient-tabs";
import { dateOnly, siteDay } from "@/lib/time/days";

export const metadata: Metadata = { title: "Course and outcomes" };

const bp = (x: Bp | null) => (x ? `${x.systolic}/${x.diastolic}` : "—");
const DAY = 86_400_000;

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await authorizeRecordPage("patient.read", "Patient", id);
  const p = (await patientDetail(id))!;
  const tz = p.site.timeZone;
  const sessions = await courseSessionsOf(id, tz);
  const rows = patientCourse(sessions);
  const t0 = new Map(sessions.map((s) => [s.id, s.t0?.getTime() ?? 0]));
  // Dates on the time axis are the site's calendar days at noon UTC, so ticks read as the clinic's dates in any zone.
  const dayAt = (date: string) => Date.parse(`${date}T12:00:00Z`);
  const at = new Map(rows.map((r) => [r.id, dayAt(r.treatmentDate)]));
  const points: CoursePoint[] = rows.map((r) => ({
    id: r.id,
    at: at.get(r.id)!,
    date: r.treatmentDate,
    doseMg: r.doseMg,
    phase: r.phase,
    week: r.week,
    preSys: r.preDose?.systolic ?? null,
    preDia: r.preDose?.diastolic ?? null,
    peakSys: r.peakPostDose?.systolic ?? null,
    peakDia: r.peakPostDose?.diastolic ?? null,
    endSys: r.preDischarge?.systolic ?? null,
    endDia: r.preDischarge?.diastolic ?? null,
    flagged: r.flags.includes("PRE_DOSE_ELEVATED_REPEATEDLY") ? (r.preDose?.systolic ?? null) : r.flags.length ? (r.preDischarge?.systolic ?? null) : null,
    flags: r.flags.map((f) => COURSE_FLAGS[f]),
  }));
  const phases: PhaseBand[] = [];
  for (const r of rows) {
    const x = at.get(r.id)!;
    const last = phases.at(-1);
    if (last?.label === r.phase) last.to = x + DAY;
    else {
      if (last) last.to = x - DAY / 2;
      phases.push({ label: r.phase, from: x - DAY / 2, to: x + DAY });
    }
  }
  const measures = await outcomesOf(id);
  const dateOf = (d: Date) => siteDay(d, tz);
  const scored = measures
    .filter((m) => m.instrument !== "CSSRS")
    .map((m) => ({
      id: m.id,
      instrument: m.instrument as "PHQ9" | "MADRS",
      total: m.total,
      takenAt: new Date(dayAt(dateOf(m.takenAt))),
      item9: m.instrument === "PHQ9" ? m.items[8] : 0,
    }));
  const annotations = courseAnnotations(rows, (sid) => at.get(sid) ?? t0.get(sid) ?? 0);
  const trends = (["PHQ9", "MADRS"] as const).map((i) => outcomeTrend(i, scored, (d) => dateOnly(new Date(d)))).filter((t) => t.points.length);
  const cssrs = measures.filter((m) => m.instrument === "CSSRS").reverse();
  const flagged = rows.filter((r) => r.flags.length);

  return (
    <>
      <PatientTabs patientId={id} name={`${p.firstName} ${p.lastName}`} mrn={p.mrn} current="course" />
      <section aria-labelledby="bp-course" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="bp-course" className="mb-2 text-lg font-semibold">
          Blood pressure over the course ({rows.length} sessions)
        </h2>
        {!rows.length ? (
          <p className="text-slate-700">No dosed sessions yet.</p>
        ) : (
          <>
            {!!flagged.length && (
              <ul className="mb-3 flex flex-col gap-1" aria-label="Course flags">
                {flagged.map((r) =>
                  r.flags.map((f) => (
                    <li key={r.id + f} className="rounded-md border border-red-300 bg-red-50 px-3 py-1 text-red-900">
                      {r.treatmentDate}: {COURSE_FLAGS[f]}
                    </li>
                  )),
                )}
              </ul>
            )}
            <LazyCourseBpChart points={points} phases={phases} />
            <div className="mt-4 overflow-x-auto">
              <table
                data-testid="course-table"
                aria-label="Blood pressure over the course, as a table"
                className="w-full text-left text-sm tabular-nums [&_td]:whitespace-nowrap"
              >
                <thead className="border-b-2 border-slate-300">
                  <tr>
                    <th scope="col" className="p-2">
                      Date
                    </th>
                    <th scope="col" className="p-2">
                      Week · phase
                    </th>
                    <th scope="col" className="p-2">
                      Dose
                    </th>
                    <th scope="col" className="p-2">
                      Pre-dose BP
                    </th>
                    <th scope="col" className="p-2">
                      Peak post-dose
                    </th>
                    <th scope="col" className="p-2">
                      Pre-discharge
                    </th>
                    <th scope="col" className="p-2">
                      Flags
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className={`border-b border-slate-200 ${r.flags.length ? "bg-red-50" : ""}`}>
                      <td className="p-2">
                        <Link className="text-brand-700 underline" href={`/sessions/${r.id}#vitals`}>
                          {r.treatmentDate}
                        </Link>
                      </td>
                      <td className="p-2">
                        {r.week} · {r.phase}
                      </td>
                      <td className="p-2">{r.doseMg ? `${r.doseMg} mg` : "—"}</td>
                      <td className="p-2">{bp(r.preDose)}</td>
                      <td className="p-2">{bp(r.peakPostDose)}</td>
                      <td className="p-2">{bp(r.preDischarge)}</td>
                      <td className="p-2 text-red-900">{r.flags.map((f) => COURSE_FLAGS[f]).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="outcomes" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="outcomes" className="mb-2 text-lg font-semibold">
          Depression outcomes
        </h2>
        {!trends.length && <p className="text-slate-700">No PHQ-9 or MADRS recorded yet.</p>}
        <div className="grid gap-6 xl:grid-cols-2">
          {trends.map((t) => (
            <div key={t.instrument} className="min-w-0">
              <h3 className="font-semibold">{SCALES[t.instrument].name}</h3>
              <LazyOutcomeTrendChart trend={t} annotations={annotations} phases={phases} />
              <table data-testid={`trend-table-${t.instrument}`} className="mt-2 w-full text-left text-sm tabular-nums">
                <thead className="border-b-2 border-slate-300">
                  <tr>
                    <th scope="col" className="p-2">
                      Date
                    </th>
                    <th scope="col" className="p-2">
                      Total
                    </th>
                    <th scope="col" className="p-2">
                      Against baseline
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {t.points.map((x, i) => (
                    <tr key={x.id} className="border-b border-slate-200">
                      <td className="p-2">{x.date}</td>
                      <td className="p-2">{x.total}</td>
                      <td className="p-2">
                        {i === 0 ? "Baseline" : x.remission ? "Remission" : x.response ? "Response" : "—"}
                        {x.item9Flag && <strong className="ml-2 text-red-800">item 9 above 0</strong>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
        <h3 className="mt-4 font-semibold">C-SSRS screener</h3>
        {!cssrs.length ? (
          <p className="text-slate-700">None recorded.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {cssrs.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.takenAt, tz)} ({c.by}):{" "}
                {cssrsPositive(c.items) ? (
                  <strong className="text-red-800">positive — yes to question {c.items.flatMap((a, i) => (a === 1 ? [i + 1] : [])).join(", ")}</strong>
                ) : (
                  "negative"
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {can(user.role, "clinical.record") && (
        <section aria-labelledby="record-outcome" className="no-print rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="record-outcome" className="mb-2 text-lg font-semibold">
            Record a measure
          </h2>
          <OutcomeForm patientId={id} />
        </section>
      )}
    </>
  );
}
