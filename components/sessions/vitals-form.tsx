"use client";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { vitalsSchema, type VitalsInput } from "@/lib/sessions/schema";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { alertsOfReply } from "@/lib/sessions/client/reply-alerts";
import { useEntry } from "./use-entry";
import { EntryAlerts } from "./entry-alerts";
import { EntryOutcomeView } from "./entry-outcome";
import { TimeField, toInstant } from "./time-field";

export function VitalsForm({ sessionId, preDose }: { sessionId: string; preDose: boolean }) {
  const fortyRef = useRef<HTMLInputElement>(null);
  const { register, handleSubmit, setError, formState, reset, watch } = useForm<VitalsInput & { fortyMinute?: boolean }>({
    resolver: zodResolver(vitalsSchema) as never,
  });
  const { submit, outcome } = useEntry(setError, "Vital signs");
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    const kind = preDose ? "PRE_DOSE" : fortyRef.current?.checked ? "POST_40" : "EXTRA";
    const o = await submit(`/api/sessions/${sessionId}/vitals`, "POST", { ...v, kind, takenAt: toInstant(v.takenAt) });
    if (fortyRef.current) fortyRef.current.checked = false;
    if (o.kind === "saved" || o.kind === "draft") reset();
  });
  const alerts = outcome?.kind === "saved" ? alertsOfReply(outcome.data) : [];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={preDose ? "Pre-dose vital signs" : "Vital signs"} className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <TextInput label="Systolic (mmHg)" inputMode="numeric" error={e.systolic?.message} {...register("systolic")} />
        <TextInput label="Diastolic (mmHg)" inputMode="numeric" error={e.diastolic?.message} {...register("diastolic")} />
        <TextInput label="Heart rate (/min)" inputMode="numeric" error={e.heartRate?.message} {...register("heartRate")} />
        <TextInput label="SpO₂ (%)" inputMode="numeric" error={e.spo2?.message} {...register("spo2")} />
        <TextInput label="Respiratory rate (/min)" inputMode="numeric" error={e.respiratoryRate?.message} {...register("respiratoryRate")} />
        <TimeField
          error={e.takenAt?.message}
          registration={register("takenAt")}
          value={watch("takenAt") as unknown as string}
          late={{ registration: register("lateReason"), error: e.lateReason?.message }}
        />
      </div>
      {!preDose && (
        <label className="inline-flex min-h-11 items-center gap-3">
          <input ref={fortyRef} type="checkbox" className="size-5" />
          <span>This is the 40-minute blood pressure (otherwise the reading nearest 40 minutes within 30–50 minutes counts)</span>
        </label>
      )}
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          Record vital signs
        </Button>
      </div>
      <EntryAlerts alerts={alerts} />
      <EntryOutcomeView outcome={outcome} saved="Vital signs recorded." />
    </form>
  );
}
