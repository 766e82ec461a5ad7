"use client";
import { useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { dischargeSchema, transferSchema, type DischargeInput, type TransferInput } from "@/lib/sessions/schema";
import { dischargeReadiness } from "@/lib/sessions/discharge-rules";
import { reviveFacts, type FactsJson } from "@/lib/sessions/client/revive";
import { clockOffset, serverNow } from "@/lib/sessions/client/server-clock";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";
import { TimeField, toInstant } from "./time-field";
import { useEntryTime } from "./entry-time";
import { formatTime } from "@/lib/time/format";

const clock = (d: Date, tz: string) => formatTime(d, tz);
const bool = { setValueAs: (v: unknown) => (v === "true" ? true : v === "false" ? false : v === "" ? null : v) };

/** The discharge assessment: every unmet criterion, live, from the same rule the server applies (R30–R35). */
type PreCompletion = { vitalsAcceptable: boolean; at: string; by: string } | null;

export function DischargePanel({
  sessionId,
  patientName,
  factsJson,
  serverNowIso,
  timeZone,
  outpatient,
  preCompletion = null,
}: {
  sessionId: string;
  patientName: string;
  factsJson: FactsJson;
  serverNowIso: string;
  timeZone: string;
  outpatient: boolean;
  preCompletion?: PreCompletion;
}) {
  const facts = useMemo(() => reviveFacts(factsJson), [factsJson]);
  // Judged on the server's clock, re-evaluated every few seconds (the 120-minute line passes while the screen is open).
  const [offsetMs] = useState(() => clockOffset(serverNowIso, Date.now()));
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const { register, handleSubmit, setError, formState, watch } = useForm<DischargeInput, unknown, z.output<typeof dischargeSchema>>({
    resolver: zodResolver(dischargeSchema),
    defaultValues: { vitalsAcceptablePreCompletion: preCompletion ? preCompletion.vitalsAcceptable : null },
  });
  const { submit, outcome } = useEntry(setError, "Discharge");
  // Discharge is final: the button asks once more, naming the patient and the time.
  const [confirming, setConfirming] = useState(false);
  const { backEntered } = useEntryTime();
  const v = watch();
  // a back-entered session is judged at the time the patient left, as the server does (R49)
  const leftAt = backEntered && v.dischargedAt ? new Date(v.dischargedAt as unknown as string) : null;
  const judgedAt = leftAt && !Number.isNaN(leftAt.getTime()) ? leftAt : serverNow(offsetMs);
  const ready = dischargeReadiness(facts, judgedAt, {
    rideConfirmed: !!v.rideConfirmed,
    clinicallyStable: !!v.clinicallyStable,
    noDrivingReminder: !!v.noDrivingReminder,
    vitalsAcceptablePreCompletion: typeof v.vitalsAcceptablePreCompletion === "boolean" ? v.vitalsAcceptablePreCompletion : null,
    readyToLeaveMinutes: v.readyToLeaveMinutes === "" || v.readyToLeaveMinutes == null ? null : Number(v.readyToLeaveMinutes),
  });
  return (
    <div className="flex flex-col gap-4">
      <section id={`${sessionId}-criteria`} aria-label="Discharge criteria" className="rounded-md border border-slate-200 p-3">
        {ready.ok ? (
          <p className="font-semibold text-green-800">All discharge criteria are met.</p>
        ) : (
          <>
            <p className="font-semibold">
              Not yet — {ready.unmet.length} criteri{ready.unmet.length === 1 ? "on" : "a"} unmet:
            </p>
            <ul className="list-disc pl-5">
              {ready.unmet.map((u) => (
                <li key={u.code}>
                  {u.message}
                  {u.availableAt ? ` Possible at ${clock(u.availableAt, timeZone)}.` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        {ready.warnings.map((w) => (
          <p key={w.code} className="text-amber-900">
            {w.message}
          </p>
        ))}
        {ready.totalMinutes != null && <p className="mt-1 text-sm text-slate-700">Monitoring so far: {ready.totalMinutes} minutes from the first device.</p>}
      </section>
      <form
        onSubmit={handleSubmit(async (x) => {
          setConfirming(false);
          await submit(`/api/sessions/${sessionId}/discharge`, "POST", { ...x, dischargedAt: backEntered ? toInstant(x.dischargedAt) : undefined });
        })}
        noValidate
        aria-label="Discharge"
        className="grid gap-3 md:grid-cols-2"
      >
        {backEntered && (
          <div className="md:col-span-2">
            <TimeField
              label="Time the patient left"
              error={formState.errors.dischargedAt?.message}
              registration={register("dischargedAt")}
              value={v.dischargedAt as unknown as string}
            />
          </div>
        )}
        <Checkbox label="Ride home is here, or the escort is arranged" {...register("rideConfirmed")} />
        <Checkbox label="I judge the patient clinically stable and ready to leave" {...register("clinicallyStable")} />
        <Checkbox label="Reminded: no driving until the next day after a restful sleep" {...register("noDrivingReminder")} />
        <span />
        <SelectInput label="Vital signs acceptable before administration?" {...register("vitalsAcceptablePreAdministration", bool)}>
          <option value="">Choose…</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </SelectInput>
        <div>
          <SelectInput
            label="Vital signs acceptable before completion?"
            hint={
              preCompletion
                ? `Recorded: ${preCompletion.vitalsAcceptable ? "yes" : "no"} at ${clock(new Date(preCompletion.at), timeZone)} by ${preCompletion.by}.`
                : undefined
            }
            {...register("vitalsAcceptablePreCompletion", bool)}
          >
            <option value="">Choose…</option>
            <option value="true">Yes</option>
            <option value="false">No</option>
          </SelectInput>
          <PreCompletionRecord
            sessionId={sessionId}
            answer={typeof v.vitalsAcceptablePreCompletion === "boolean" ? v.vitalsAcceptablePreCompletion : null}
            recorded={preCompletion?.vitalsAcceptable ?? null}
          />
        </div>
        {outpatient && (
          <TextInput
            label="Ready to leave without the 2-hour minimum (minutes from the first device)"
            inputMode="numeric"
            error={formState.errors.readyToLeaveMinutes?.message}
            {...register("readyToLeaveMinutes")}
          />
        )}
        <div className="md:col-span-2">
          {!confirming ? (
            <>
              <Button
                type="button"
                disabled={!ready.ok || formState.isSubmitting}
                aria-describedby={ready.ok ? undefined : `${sessionId}-criteria`}
                onClick={handleSubmit(() => setConfirming(true))}
              >
                Discharge
              </Button>
              {!ready.ok && (
                <p className="mt-1 text-sm text-slate-700">
                  Discharge opens when the {ready.unmet.length === 1 ? "criterion" : `${ready.unmet.length} criteria`} listed above{" "}
                  {ready.unmet.length === 1 ? "is" : "are"} met.
                </p>
              )}
            </>
          ) : (
            <div role="group" aria-label="Confirm discharge" className="flex flex-col gap-2 rounded-md border border-brand-700 bg-brand-50 p-3">
              <p className="font-medium">
                Discharge {patientName} at {clock(judgedAt, timeZone)}?
              </p>
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={formState.isSubmitting || !ready.ok}>
                  Confirm discharge
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
        </div>
        <div className="md:col-span-2">
          <EntryOutcomeView outcome={outcome} saved="Discharged." />
        </div>
      </form>
      <TransferForm sessionId={sessionId} />
    </div>
  );
}

/** R35: records the answer on its own, before discharge: a "No" waits for a prescriber (board, review queue). */
function PreCompletionRecord({ sessionId, answer, recorded }: { sessionId: string; answer: boolean | null; recorded: boolean | null }) {
  const { setError, formState, handleSubmit } = useForm<{ vitalsAcceptable: boolean }>();
  const { submit, outcome } = useEntry(setError, "Pre-completion assessment");
  if (answer == null || (answer === recorded && !outcome)) return null;
  return (
    <div className="mt-2 flex flex-col gap-2">
      {answer !== recorded && (
        <Button
          type="button"
          variant="secondary"
          disabled={formState.isSubmitting}
          onClick={handleSubmit(() => submit(`/api/sessions/${sessionId}/pre-completion`, "POST", { vitalsAcceptable: answer }).then(() => undefined))}
        >
          Record this answer
        </Button>
      )}
      <EntryOutcomeView
        outcome={outcome}
        saved={answer ? "Recorded: vital signs acceptable." : "Recorded: not acceptable. A prescriber must decide before discharge."}
      />
    </div>
  );
}

function TransferForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, watch } = useForm<TransferInput>({ resolver: zodResolver(transferSchema) as never });
  const { submit, outcome } = useEntry(setError, "Emergency transfer");
  return (
    <details className="rounded-md border border-red-300 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-red-800">Emergency transfer</summary>
      <form
        onSubmit={handleSubmit((x) => submit(`/api/sessions/${sessionId}/transfer`, "POST", { ...x, transferredAt: toInstant(x.transferredAt) }))}
        noValidate
        aria-label="Emergency transfer"
        className="mt-2 grid gap-3 md:grid-cols-3"
      >
        <TextInput label="Receiving service" error={formState.errors.receivingService?.message} {...register("receivingService")} />
        <TextInput label="Reason" error={formState.errors.reason?.message} {...register("reason")} />
        <TimeField
          error={formState.errors.transferredAt?.message}
          registration={register("transferredAt")}
          value={watch("transferredAt") as unknown as string}
        />
        <div>
          <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
            Record emergency transfer
          </Button>
        </div>
        <div className="md:col-span-3">
          <EntryOutcomeView outcome={outcome} saved="Emergency transfer recorded." />
        </div>
      </form>
    </details>
  );
}
