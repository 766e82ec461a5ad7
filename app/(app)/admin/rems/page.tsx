import type { Metadata } from "next";
import { authorizePage } from "@/lib/auth/authorize";
import { remsSets, type RemsSetRow } from "@/lib/rems/sets";
import { REMS_DATE_ZONE } from "@/lib/rems/schema";
import { addDays, siteDay } from "@/lib/time/days";
import { PageHeader } from "@/components/ui/page-header";
import { RemsSetForm } from "@/components/rems/rems-set-form";
import { REMS_FIELDS } from "@/components/rems/fields";
import { WithdrawSetButton } from "@/components/rems/withdraw-button";

export const metadata: Metadata = { title: "REMS parameters" };

const yesNo = (b: boolean) => (b ? "Yes" : "No");
const from = (s: RemsSetRow) => siteDay(s.effectiveFrom, REMS_DATE_ZONE);

function SetTable({ sets, caption, withdraw }: { sets: RemsSetRow[]; caption: string; withdraw?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              Effective on
            </th>
            <th scope="col" className="px-3 py-2">
              PMF version
            </th>
            {REMS_FIELDS.map(([k, l]) => (
              <th key={k} scope="col" className="px-3 py-2">
                {l}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              PMF required
            </th>
            <th scope="col" className="px-3 py-2">
              Enrollment gate
            </th>
            <th scope="col" className="px-3 py-2">
              Pulse oximetry
            </th>
            <th scope="col" className="px-3 py-2">
              Note
            </th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr key={s.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 font-medium">
                {from(s)}
                {withdraw && (
                  <div className="mt-1">
                    <WithdrawSetButton id={s.id} label={from(s)} />
                  </div>
                )}
              </th>
              <td className="px-3 py-2">{s.pmfFormVersion}</td>
              {REMS_FIELDS.map(([k]) => (
                <td key={k} className="px-3 py-2 tabular-nums">
                  {s[k]}
                </td>
              ))}
              <td className="px-3 py-2">{yesNo(s.pmfRequired)}</td>
              <td className="px-3 py-2">{yesNo(s.enrollmentGateEnabled)}</td>
              <td className="px-3 py-2">{yesNo(s.pulseOximetryRequired)}</td>
              <td className="px-3 py-2">{s.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function RemsParametersPage() {
  await authorizePage("rems.manage");
  const { inForce, future, past } = await remsSets();
  const earliest = addDays(siteDay(new Date(), REMS_DATE_ZONE), 1);
  const base = future.at(-1) ?? inForce;
  const str = (n: number | undefined, d: number) => String(n ?? d);
  return (
    <>
      <PageHeader title="REMS parameters" />
      <p className="mb-4 max-w-3xl text-slate-700">
        The REMS rules the tracker enforces are data with an effective date. Each session is judged by the set in force at its time, and each Patient Monitoring
        Form records its form version. Sets in force or past cannot change; a REMS modification is entered as a new set.
      </p>
      <section aria-labelledby="in-force" className="mb-6">
        <h2 id="in-force" className="mb-2 text-lg font-semibold">
          In force
        </h2>
        {inForce ? (
          <SetTable sets={[inForce]} caption="The set in force" />
        ) : (
          <p className="text-red-800">No set is in force: sessions cannot be judged. Add one.</p>
        )}
      </section>
      {!!future.length && (
        <section aria-labelledby="future" className="mb-6">
          <h2 id="future" className="mb-2 text-lg font-semibold">
            Scheduled
          </h2>
          <SetTable sets={future} caption="Sets taking effect later" withdraw />
        </section>
      )}
      {!!past.length && (
        <section aria-labelledby="history" className="mb-6">
          <h2 id="history" className="mb-2 text-lg font-semibold">
            History
          </h2>
          <SetTable sets={past} caption="Sets replaced" />
        </section>
      )}
      <section aria-labelledby="new-set" className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-set" className="mb-3 text-lg font-semibold">
          New parameter set
        </h2>
        <RemsSetForm
          earliest={earliest}
          initial={{
            effectiveOn: earliest,
            pmfFormVersion: base?.pmfFormVersion ?? "current-2024",
            minObservationMinutes: str(base?.minObservationMinutes, 120),
            pmfRequired: base?.pmfRequired ?? true,
            pmfDueDays: str(base?.pmfDueDays, 7),
            enrollmentGateEnabled: base?.enrollmentGateEnabled ?? true,
            pulseOximetryRequired: base?.pulseOximetryRequired ?? true,
            deviceSpacingMinutes: str(base?.deviceSpacingMinutes, 5),
            fortyMinuteTargetMinutes: str(base?.fortyMinuteTargetMinutes, 40),
            fortyMinuteWindowStart: str(base?.fortyMinuteWindowStart, 30),
            fortyMinuteWindowEnd: str(base?.fortyMinuteWindowEnd, 50),
            preDoseBpGateSystolic: str(base?.preDoseBpGateSystolic, 140),
            preDoseBpGateDiastolic: str(base?.preDoseBpGateDiastolic, 90),
            preCompletionBpWindowMinutes: str(base?.preCompletionBpWindowMinutes, 15),
            note: "",
          }}
        />
      </section>
    </>
  );
}
