"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { adverseEventSchema, type AdverseEventInput } from "@/lib/sessions/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/forms/submit-json";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";
import { TimeField, toInstant } from "./time-field";

/** Record an adverse event by hand (those opened by the rules — R27, R28 — appear on their own). */
export function AdverseEventForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, reset, getValues, watch } = useForm<AdverseEventInput & { interventionsText?: string }>({
    resolver: zodResolver(adverseEventSchema) as never,
    defaultValues: { serious: false },
  });
  const { submit, outcome } = useEntry(setError, "Adverse event");
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    // Typed as one text field; the schema's output does not carry it, so read it from the form itself.
    const interventions = (getValues("interventionsText") ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
    const o = await submit(`/api/sessions/${sessionId}/adverse-events`, "POST", {
      type: v.type,
      description: v.description,
      serious: v.serious,
      onsetAt: toInstant(v.onsetAt),
      lateReason: v.lateReason,
      resolvedAt: toInstant(v.resolvedAt),
      interventions,
      outcome: v.outcome || undefined,
    });
    if (o.kind === "saved") reset({ serious: false });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Adverse event" className="grid gap-3 md:grid-cols-3">
      <SelectInput label="Type" error={e.type?.message} {...register("type")}>
        <option value="">Choose…</option>
        <option value="SEDATION">Sedation</option>
        <option value="DISSOCIATION">Dissociation</option>
        <option value="RESPIRATORY_DEPRESSION">Respiratory depression</option>
        <option value="HYPERTENSION">Hypertension</option>
        <option value="OTHER">Other</option>
      </SelectInput>
      <div className="md:col-span-2">
        <TextInput label="What happened" error={e.description?.message} {...register("description")} />
      </div>
      <TimeField
        label="Onset"
        error={e.onsetAt?.message}
        registration={register("onsetAt")}
        value={watch("onsetAt") as unknown as string}
        late={{ registration: register("lateReason"), error: e.lateReason?.message }}
      />
      <TextInput label="Interventions (comma-separated)" {...register("interventionsText")} />
      <TimeField
        label="Resolved at (if resolved)"
        error={e.resolvedAt?.message}
        registration={register("resolvedAt")}
        value={watch("resolvedAt") as unknown as string}
        empty={{ chip: "Not resolved", hint: "Type the time it resolved, if it has." }}
      />
      <TextInput label="Outcome" {...register("outcome")} />
      <Checkbox label="Serious adverse event" {...register("serious")} />
      <div className="md:col-span-3">
        <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
          Record adverse event
        </Button>
      </div>
      <div className="md:col-span-3">
        <EntryOutcomeView outcome={outcome} saved="Adverse event recorded." />
      </div>
    </form>
  );
}

/** Close an open event (R31 needs an open respiratory-depression event resolved before discharge). */
export function ResolveAdverseEvent({ sessionId, eventId }: { sessionId: string; eventId: string }) {
  const router = useRouter();
  const [outcomeText, setOutcomeText] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function resolve() {
    const res = await requestJson(`/api/sessions/${sessionId}/adverse-events/${eventId}/resolve`, "POST", { outcome: outcomeText });
    if (res.ok) router.refresh();
    else setError(res.fieldErrors?.outcome?.[0] ?? res.message);
  }
  return (
    <span className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-sm font-medium">
        Outcome
        <input value={outcomeText} onChange={(e) => setOutcomeText(e.target.value)} className="min-h-11 rounded-md border border-slate-300 px-2" />
      </label>
      <Button type="button" variant="secondary" onClick={resolve}>
        Mark resolved now
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
