"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { editPatientSchema, type EditPatientInput } from "@/lib/patients/schema";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** Edits a registered patient's demographics: the registration form's fields and schema, with the version read (409 if stale). */
export function DemographicsForm({ patientId, initial }: { patientId: string; initial: EditPatientInput }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<EditPatientInput>({ resolver: zodResolver(editPatientSchema) as unknown as Resolver<EditPatientInput>, defaultValues: initial });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson<EditPatientInput>(`/api/patients/${patientId}`, "PATCH", v, setError);
    if (!res.ok) {
      if (res.code === "VERSION_CONFLICT") return setFailure(res.message);
      return setFailure(res.status === 422 || res.code === "DUPLICATE" ? "Please correct the highlighted fields." : res.message);
    }
    setOpen(false);
    router.refresh();
  });
  if (!open) return <Button type="button" variant="secondary" onClick={() => { reset(initial); setFailure(null); setOpen(true); }}>Edit details</Button>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Patient details" className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      {failure && <div className="md:col-span-2"><Alert tone="error">{failure}</Alert></div>}
      <TextInput label="Medical record number (MRN)" error={e.mrn?.message} {...register("mrn")} />
      <TextInput label="First name" autoComplete="off" error={e.firstName?.message} {...register("firstName")} />
      <TextInput label="Middle initial" maxLength={1} error={e.middleInitial?.message} {...register("middleInitial")} />
      <TextInput label="Last name" autoComplete="off" error={e.lastName?.message} {...register("lastName")} />
      <TextInput label="Date of birth" type="date" error={e.birthDate?.message} {...register("birthDate")} />
      <SelectInput label="Sex" error={e.sex?.message} {...register("sex")}>
        <option value="FEMALE">Female</option><option value="MALE">Male</option><option value="OTHER">Other</option>
      </SelectInput>
      <TextInput label="Phone" type="tel" error={e.phone?.message} {...register("phone")} />
      <TextInput label="Email" type="email" autoComplete="off" error={e.email?.message} {...register("email")} />
      <SelectInput label="Indication" error={e.indication?.message} {...register("indication")}>
        <option value="TRD">Treatment-resistant depression (TRD)</option>
        <option value="MDSI">Depression with acute suicidal ideation or behavior (MDSI)</option>
      </SelectInput>
      <div className="flex items-end gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>Save details</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
