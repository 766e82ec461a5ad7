"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { editPatientSchema, type EditPatientInput } from "@/lib/patients/schema";
import { submitJson } from "@/components/forms/submit-json";
import { PatientFields } from "./patient-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** Edits a registered patient's demographics: the registration form's fields and schema, with the version read (409 if stale). */
export function DemographicsForm({ patientId, initial }: { patientId: string; initial: EditPatientInput }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<EditPatientInput>({
    resolver: zodResolver(editPatientSchema) as unknown as Resolver<EditPatientInput>,
    defaultValues: initial,
  });
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
  if (!open)
    return (
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          reset(initial);
          setFailure(null);
          setOpen(true);
        }}
      >
        Edit details
      </Button>
    );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Patient details"
      className="mb-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <PatientFields register={register} errors={e} />
      <div className="flex items-end gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          Save details
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
