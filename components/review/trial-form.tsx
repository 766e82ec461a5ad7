"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { trialSchema, type TrialInput } from "@/lib/outcomes/schema";

/** A prescriber documents one antidepressant trial; whether it counts is decided by the same rule as the summary. */
export function TrialForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<TrialInput>({ resolver: zodResolver(trialSchema), defaultValues: { adequateDose: false, adherent: false } });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    const res = await submitJson(`/api/patients/${patientId}/trials`, "POST", values, form.setError);
    if (res.ok) {
      form.reset({ adequateDose: false, adherent: false });
      setMessage({ tone: "success", text: "Trial recorded." });
      router.refresh();
    } else if (res.code !== "INVALID_INPUT") setMessage({ tone: "error", text: res.message });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Antidepressant trial" className="grid gap-3 md:grid-cols-3">
      <TextInput label="Drug" error={e.drug?.message} {...form.register("drug")} />
      <TextInput label="Mechanism class" hint="SSRI, SNRI, NDRI, TCA, MAOI, …" error={e.mechanismClass?.message} {...form.register("mechanismClass")} />
      <TextInput label="Dose (mg)" inputMode="numeric" error={e.doseMg?.message} {...form.register("doseMg")} />
      <TextInput label="Duration (weeks)" inputMode="decimal" error={e.weeks?.message} {...form.register("weeks")} />
      <TextInput label="Started on" type="date" error={e.startedOn?.message} {...form.register("startedOn")} />
      <SelectInput label="Outcome" error={e.outcome?.message} {...form.register("outcome")}>
        <option value="">Choose…</option>
        <option value="NO_RESPONSE">No response</option>
        <option value="PARTIAL_RESPONSE">Partial response</option>
        <option value="INTOLERANCE">Intolerance</option>
        <option value="REMISSION">Remission</option>
      </SelectInput>
      <Checkbox label="Adequate dose" {...form.register("adequateDose")} />
      <Checkbox label="Taken as prescribed (adherent)" {...form.register("adherent")} />
      <div className="md:col-span-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Record trial
        </Button>
      </div>
      {message && (
        <div className="md:col-span-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
    </form>
  );
}
