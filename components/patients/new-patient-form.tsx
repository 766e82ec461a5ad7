"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { newPatientSchema, type NewPatientInput } from "@/lib/patients/schema";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput } from "@/components/ui/field";
import { PatientFields } from "./patient-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function NewPatientForm({ sites }: { sites: { id: string; name: string }[] }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<NewPatientInput, unknown, z.output<typeof newPatientSchema>>({
    resolver: zodResolver(newPatientSchema),
    defaultValues: { siteId: sites.length === 1 ? sites[0].id : "", sex: undefined, indication: undefined },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const res = await submitJson<NewPatientInput, { id: string }>("/api/patients", "POST", values, setError);
    if (res.ok) router.push(`/patients/${res.data.id}`);
    else if (res.status !== 422 && res.status !== 409) setFailure(res.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2">
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <SelectInput label="Site" error={e.siteId?.message} {...register("siteId")}>
        <option value="">Choose…</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectInput>
      <PatientFields register={register} errors={e} />
      <div className="flex items-end md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Register patient"}
        </Button>
      </div>
    </form>
  );
}
