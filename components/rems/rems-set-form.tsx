"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { remsSetSchema, type RemsSetInput } from "@/lib/rems/schema";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Group } from "@/components/admin/site-fields";
import { REMS_FIELDS } from "./fields";

const resolver = zodResolver(remsSetSchema) as unknown as Resolver<RemsSetInput>;

/** A new set, pre-filled with the set in force: the administrator changes what the REMS modification changes. */
export function RemsSetForm({ initial, earliest }: { initial: RemsSetInput; earliest: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<RemsSetInput>({ resolver, defaultValues: initial });
  const e = formState.errors;
  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      setSaved(null);
      let atField = false;
      const setFieldError: typeof setError = (...args) => {
        atField = true;
        setError(...args);
      };
      const res = await submitJson<RemsSetInput>("/api/admin/rems", "POST", values, setFieldError);
      if (!res.ok) return setFailure(atField ? "Please correct the highlighted fields." : res.message);
      setSaved(`The new set takes effect on ${values.effectiveOn}.`);
      router.refresh();
    },
    () => setFailure("Please correct the highlighted fields."),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New parameter set" className="flex flex-col gap-6">
      {failure && <Alert tone="error">{failure}</Alert>}
      {saved && <Alert tone="success">{saved}</Alert>}
      <Group
        title="Takes effect"
        note={`At the start of the day (US Eastern time), ${earliest} at the earliest. Sessions before that day keep the set they were run under.`}
      >
        <TextInput label="Effective on" type="date" min={earliest} error={e.effectiveOn?.message} {...register("effectiveOn")} />
        <TextInput label="PMF form version" error={e.pmfFormVersion?.message} {...register("pmfFormVersion")} />
      </Group>
      <Group title="Rules">
        {REMS_FIELDS.map(([name, label]) => (
          <TextInput key={name} label={label} inputMode="numeric" autoComplete="off" error={e[name]?.message} {...register(name)} />
        ))}
        <Checkbox label="A Patient Monitoring Form is required after each session" {...register("pmfRequired")} />
        <Checkbox label="Outpatients must be enrolled before the first dose" {...register("enrollmentGateEnabled")} />
        <Checkbox label="Pulse oximetry is required" {...register("pulseOximetryRequired")} />
        <div className="md:col-span-2">
          <TextInput label="Note" hint="Optional: the REMS modification this follows." error={e.note?.message} {...register("note")} />
        </div>
      </Group>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Add parameter set"}
        </Button>
      </div>
    </form>
  );
}
