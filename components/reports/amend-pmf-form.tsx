"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { amendPmfSchema, type AmendPmfInput } from "@/lib/pmf/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** R38: a submitted form is corrected by an amendment linked to it; the reason is required. */
export function AmendPmfForm({ pmfId, version, patient }: { pmfId: string; version: number; patient: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AmendPmfInput, unknown, z.output<typeof amendPmfSchema>>({
    resolver: zodResolver(amendPmfSchema),
    defaultValues: { version, reason: "" },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`Amend: ${patient}`}>
        Amend
      </Button>
    );
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson(`/api/reports/pmf/${pmfId}/amend`, "POST", { ...v, version }, setError);
    if (res.ok) {
      setOpen(false);
      router.refresh();
    } else if (res.status !== 422) setFailure(res.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Amendment of ${patient}`} className="flex flex-wrap items-end gap-2">
      <TextInput
        label="Reason for the amendment"
        hint="The submitted form stays as it was; the amendment is derived again from the session record."
        error={formState.errors.reason?.message}
        {...register("reason")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        Create amendment
      </Button>
      <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
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
