"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { priorAuthorizationSchema, type PriorAuthorizationInput } from "@/lib/authorizations/schema";

const empty: PriorAuthorizationInput = {
  payerName: "",
  reference: "",
  startDate: "",
  endDate: "",
  phases: [{ sessionsPerWeek: "" as never, weeks: "" as never }],
  sessionsApproved: "" as never,
  note: "",
};

/** A payer's prior authorization as approved: dates (end inclusive), frequency in phases, sessions approved. */
export function AuthorizationForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<PriorAuthorizationInput>({ resolver: zodResolver(priorAuthorizationSchema), defaultValues: empty });
  const phases = useFieldArray({ control: form.control, name: "phases" });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (v) => {
    const res = await submitJson(`/api/patients/${patientId}/authorizations`, "POST", v, form.setError);
    if (res.ok) {
      form.reset(empty);
      setMessage({ tone: "success", text: "Authorization recorded." });
      router.refresh();
    } else if (res.code !== "INVALID_INPUT") setMessage({ tone: "error", text: res.message });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Prior authorization" className="grid gap-3 md:grid-cols-2">
      <TextInput label="Payer" error={e.payerName?.message} {...form.register("payerName")} />
      <TextInput label="Authorization reference" error={e.reference?.message} {...form.register("reference")} />
      <TextInput label="First approved day" type="date" error={e.startDate?.message} {...form.register("startDate")} />
      <TextInput label="Last approved day (included)" type="date" error={e.endDate?.message} {...form.register("endDate")} />
      <TextInput label="Sessions approved" inputMode="numeric" error={e.sessionsApproved?.message} {...form.register("sessionsApproved")} />
      <fieldset className="md:col-span-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 font-medium">Approved frequency, in order (the last one continues to the end date)</legend>
        {phases.fields.map((f, i) => (
          <div key={f.id} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <TextInput
              label={`Phase ${i + 1}: sessions a week`}
              inputMode="numeric"
              error={e.phases?.[i]?.sessionsPerWeek?.message}
              {...form.register(`phases.${i}.sessionsPerWeek`)}
            />
            <TextInput
              label={`Phase ${i + 1}: for how many weeks`}
              inputMode="numeric"
              error={e.phases?.[i]?.weeks?.message}
              {...form.register(`phases.${i}.weeks`)}
            />
            {phases.fields.length > 1 ? (
              <Button type="button" variant="secondary" onClick={() => phases.remove(i)}>
                Remove phase {i + 1}
              </Button>
            ) : (
              <span />
            )}
          </div>
        ))}
        {e.phases?.message && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {e.phases.message}
          </p>
        )}
        <Button type="button" variant="secondary" className="mt-2" onClick={() => phases.append({ sessionsPerWeek: "" as never, weeks: "" as never })}>
          Add a phase
        </Button>
      </fieldset>
      <div className="md:col-span-2">
        <TextInput label="Note (optional)" error={e.note?.message} {...form.register("note")} />
      </div>
      <div className="md:col-span-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Record authorization
        </Button>
      </div>
      {message && (
        <div className="md:col-span-2">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
    </form>
  );
}
