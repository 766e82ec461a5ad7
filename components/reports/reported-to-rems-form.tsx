"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { reportedToRemsSchema, type ReportedToRemsInput } from "@/lib/reports/adverse-events-schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** R41: the serious event's "reported to REMS" task — date and reference number, recorded once. */
export function ReportedToRemsForm({ eventId, version, label, today }: { eventId: string; version: number; label: string; today: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ReportedToRemsInput, unknown, z.output<typeof reportedToRemsSchema>>({
    resolver: zodResolver(reportedToRemsSchema), defaultValues: { version, reportedOn: today, reference: "" },
  });
  if (!open) return <Button type="button" onClick={() => setOpen(true)} aria-label={`Record reported to REMS: ${label}`}>Record reported to REMS</Button>;
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson(`/api/reports/adverse-events/${eventId}/reported-to-rems`, "POST", { ...v, version }, setError);
    if (res.ok) { setOpen(false); router.refresh(); } else if (res.status !== 422) setFailure(res.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Reported to REMS: ${label}`} className="flex flex-col gap-2">
      <TextInput type="date" label="Date reported" max={today} error={formState.errors.reportedOn?.message} {...register("reportedOn")} />
      <TextInput label="REMS reference number" hint="Given by the REMS (1-855-382-6022)" error={formState.errors.reference?.message} {...register("reference")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>Save</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
      {failure && <p role="alert" className="text-sm font-medium text-red-700">{failure}</p>}
    </form>
  );
}
