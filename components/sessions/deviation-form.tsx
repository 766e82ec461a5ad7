"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { deviationSchema, type DeviationInputForm } from "@/lib/sessions/schema";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";

/** A nurse or psychiatrist records what departed from the protocol, and why. */
export function DeviationForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, reset } = useForm<DeviationInputForm>({ resolver: zodResolver(deviationSchema) });
  const { submit, outcome } = useEntry(setError, "Protocol deviation");
  const save = handleSubmit(async (v) => {
    if ((await submit(`/api/sessions/${sessionId}/deviations`, "POST", v)).kind === "saved") reset({ description: "", reason: "" });
  });
  return (
    <form onSubmit={save} noValidate aria-label="Record a protocol deviation" className="grid gap-3 md:grid-cols-2">
      <TextInput label="What departed from the protocol" error={formState.errors.description?.message} {...register("description")} />
      <TextInput label="Reason" error={formState.errors.reason?.message} {...register("reason")} />
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          Record deviation
        </Button>
      </div>
      <div className="md:col-span-2">
        <EntryOutcomeView outcome={outcome} saved="Deviation recorded." fields={["description", "reason"]} />
      </div>
    </form>
  );
}
