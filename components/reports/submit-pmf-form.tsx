"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { submitPmfSchema, type SubmitPmfInput } from "@/lib/pmf/schema";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** R38: record how and when the form reached the REMS. */
export function SubmitPmfForm({ pmfId, version, patient }: { pmfId: string; version: number; patient: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<SubmitPmfInput, unknown, z.output<typeof submitPmfSchema>>({
    resolver: zodResolver(submitPmfSchema),
    defaultValues: { version, channel: "ONLINE" },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`Mark submitted: ${patient}`}>
        Mark submitted
      </Button>
    );
  const onSubmit = handleSubmit(async (v) => {
    const res = await submitJson(`/api/reports/pmf/${pmfId}/submit`, "POST", { ...v, version }, setError);
    if (res.ok) {
      setOpen(false);
      router.refresh();
    } else if (res.status !== 422 || res.unmet?.length) setFailure(res.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Submission of ${patient}`} className="flex flex-wrap items-end gap-2">
      <SelectInput label="Channel" {...register("channel")}>
        <option value="ONLINE">Online</option>
        <option value="FAX">Fax</option>
      </SelectInput>
      <TextInput label="Confirmation or fax receipt" error={formState.errors.confirmation?.message} {...register("confirmation")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        Save submission
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          setOpen(false);
          setFailure(null);
          reset();
        }}
      >
        Cancel
      </Button>
      {failure && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {failure}
        </p>
      )}
    </form>
  );
}
