"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { CRISIS_SYMPTOMS, crisisSchema, type CrisisInput } from "@/lib/sessions/schema";
import { Checkbox } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";

/** R26: any symptom of a hypertensive crisis opens a serious event and the emergency-referral banner. */
export function CrisisForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, reset } = useForm<CrisisInput>({
    resolver: zodResolver(crisisSchema) as never,
    defaultValues: { symptoms: [] },
  });
  const { submit, outcome } = useEntry(setError, "Hypertensive crisis");
  return (
    <form
      noValidate
      aria-label="Hypertensive crisis symptoms"
      className="mb-4 rounded-md border border-red-300 p-3"
      onSubmit={handleSubmit(async (v) => {
        const o = await submit(`/api/sessions/${sessionId}/hypertensive-crisis`, "POST", v);
        if (o.kind === "saved") reset({ symptoms: [] });
      })}
    >
      <fieldset>
        <legend className="font-semibold text-red-800">Symptoms of a hypertensive crisis</legend>
        <div className="grid gap-x-4 md:grid-cols-2">
          {Object.entries(CRISIS_SYMPTOMS).map(([value, label]) => (
            <Checkbox key={value} label={label} value={value} {...register("symptoms")} />
          ))}
        </div>
        {formState.errors.symptoms && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formState.errors.symptoms.message}
          </p>
        )}
      </fieldset>
      <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
        Record symptoms and refer
      </Button>
      <div className="mt-2">
        <EntryOutcomeView outcome={outcome} saved="Recorded: emergency care is indicated — record the emergency transfer." />
      </div>
    </form>
  );
}
