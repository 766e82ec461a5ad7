"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { addFlagSchema, CAUTION_KINDS, CONTRAINDICATION_KINDS, removeFlagSchema, type AddFlagInput, type RemoveFlagInput } from "@/lib/patients/schema";
import { flagLabel } from "@/lib/sessions/eligibility-rules";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** R8: a prescriber removes a flag only with a reason (kept, audited). */
export function RemoveFlag({ patientId, flagId, label }: { patientId: string; flagId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<RemoveFlagInput>({ resolver: zodResolver(removeFlagSchema) });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`Remove: ${label}`}>
        Remove
      </Button>
    );
  return (
    <form
      noValidate
      aria-label={`Remove ${label}`}
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={handleSubmit(async (v) => {
        const r = await submitJson(`/api/patients/${patientId}/flags/${flagId}/remove`, "POST", v, setError);
        if (r.ok) router.refresh();
      })}
    >
      <div className="min-w-64 flex-1">
        <TextInput label="Clinical reason for removing it" error={formState.errors.reason?.message} {...register("reason")} />
      </div>
      <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
        Confirm removal
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setOpen(false);
          reset();
        }}
      >
        Cancel
      </Button>
    </form>
  );
}

export function AddFlagForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState, reset } = useForm<AddFlagInput, unknown, z.output<typeof addFlagSchema>>({
    resolver: zodResolver(addFlagSchema),
  });
  return (
    <form
      noValidate
      aria-label="Record a flag"
      className="mt-3 flex flex-wrap items-end gap-2"
      onSubmit={handleSubmit(async (v) => {
        const r = await submitJson(`/api/patients/${patientId}/flags`, "POST", v, setError);
        if (r.ok) {
          reset();
          router.refresh();
        }
      })}
    >
      <SelectInput label="Record a contraindication or caution" error={formState.errors.kind?.message} {...register("kind")}>
        <option value="">Choose…</option>
        <optgroup label="Contraindications (block dosing)">
          {CONTRAINDICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {flagLabel(k)}
            </option>
          ))}
        </optgroup>
        <optgroup label="Cautions (prescriber decision at the next session)">
          {CAUTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {flagLabel(k)}
            </option>
          ))}
        </optgroup>
      </SelectInput>
      <TextInput label="Note" {...register("note")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        Record
      </Button>
    </form>
  );
}
