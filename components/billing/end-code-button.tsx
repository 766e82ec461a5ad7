"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { endBillingCodeSchema } from "@/lib/billing/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type EndInput = z.input<typeof endBillingCodeSchema>;

/** Gives a row its last day in force (with a reason), from a form that opens in place and can be cancelled. */
export function EndCodeButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<EndInput>({
    resolver: zodResolver(endBillingCodeSchema),
    defaultValues: { effectiveTo: "", reason: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<EndInput>(`/api/admin/billing-codes/${id}/end`, "POST", values, setFieldError);
    if (!res.ok) return atField ? undefined : setFailure(res.message);
    setOpen(false);
    router.refresh();
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)} aria-label={`End ${label}`}>
        End
      </Button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={`End ${label}`} className="flex flex-col gap-2">
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextInput label="Last day in force" type="date" error={formState.errors.effectiveTo?.message} {...register("effectiveTo")} />
      <TextInput label="Reason" error={formState.errors.reason?.message} {...register("reason")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          Save last day
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
      </div>
    </form>
  );
}
