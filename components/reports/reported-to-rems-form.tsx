"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { reportedToRemsSchema, type ReportedToRemsInput } from "@/lib/reports/adverse-events-schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** R41: the serious event's "reported to REMS" task — date and reference number, recorded once, in a dialog over the log. */
export function ReportedToRemsForm({ eventId, version, label, today }: { eventId: string; version: number; label: string; today: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ReportedToRemsInput, unknown, z.output<typeof reportedToRemsSchema>>({
    resolver: zodResolver(reportedToRemsSchema),
    defaultValues: { version, reportedOn: today, reference: "" },
  });
  const close = () => {
    dialog.current?.close();
    setFailure(null);
    reset();
  };
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson(`/api/reports/adverse-events/${eventId}/reported-to-rems`, "POST", { ...v, version }, setError);
    if (res.ok) {
      dialog.current?.close();
      router.refresh();
    } else if (res.status !== 422) setFailure(res.message);
  });
  return (
    <>
      <Button type="button" onClick={() => dialog.current?.showModal()} aria-label={`Record report to the REMS: ${label}`}>
        Record report
      </Button>
      <dialog ref={dialog} aria-label={`Reported to REMS: ${label}`} className="m-auto w-[min(30rem,92vw)] rounded-lg p-0 backdrop:bg-slate-900/40">
        <form onSubmit={onSubmit} noValidate aria-label={`Reported to REMS: ${label}`} className="flex flex-col gap-3 p-5">
          <h3 className="text-lg font-semibold">Reported to the REMS</h3>
          <p className="text-slate-700">{label}. Serious adverse events are reported at 1-855-382-6022; record the date and the reference the REMS gave.</p>
          <TextInput type="date" label="Date reported" max={today} error={formState.errors.reportedOn?.message} {...register("reportedOn")} />
          <TextInput label="REMS reference number" error={formState.errors.reference?.message} {...register("reference")} />
          {failure && (
            <p role="alert" className="text-sm font-medium text-red-700">
              {failure}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" disabled={formState.isSubmitting}>
              Save
            </Button>
            <Button type="button" variant="secondary" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
