"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { newPatientSchema, type NewPatientInput } from "@/lib/patients/schema";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
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
      {failure && <div className="md:col-span-2"><Alert tone="error">{failure}</Alert></div>}
      <SelectInput label="Site" error={e.siteId?.message} {...register("siteId")}>
        <option value="">Choose…</option>
        {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </SelectInput>
      <TextInput label="Medical record number (MRN)" error={e.mrn?.message} {...register("mrn")} />
      <TextInput label="First name" autoComplete="off" error={e.firstName?.message} {...register("firstName")} />
      <TextInput label="Middle initial" maxLength={1} error={e.middleInitial?.message} {...register("middleInitial")} />
      <TextInput label="Last name" autoComplete="off" error={e.lastName?.message} {...register("lastName")} />
      <TextInput label="Date of birth" type="date" error={e.birthDate?.message} {...register("birthDate")} />
      <SelectInput label="Sex" error={e.sex?.message} {...register("sex")}>
        <option value="">Choose…</option><option value="FEMALE">Female</option><option value="MALE">Male</option><option value="OTHER">Other</option>
      </SelectInput>
      <TextInput label="Phone" type="tel" error={e.phone?.message} {...register("phone")} />
      <TextInput label="Email" type="email" autoComplete="off" error={e.email?.message} {...register("email")} />
      <SelectInput label="Indication" error={e.indication?.message} {...register("indication")}>
        <option value="">Choose…</option>
        <option value="TRD">Treatment-resistant depression (TRD)</option>
        <option value="MDSI">Depression with acute suicidal ideation or behavior (MDSI)</option>
      </SelectInput>
      <div className="flex items-end md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Register patient"}</Button>
      </div>
    </form>
  );
}
