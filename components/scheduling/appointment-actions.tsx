"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { appointmentReasonSchema, type AppointmentReasonInput } from "@/lib/scheduling/schema";

/**
 * Cancel or record a no-show, each with its reason; "Keep it" closes the form without saving. Each button's name
 * begins with its visible text, then says whose visit (WCAG 2.5.3, label in name).
 */
export function AppointmentActions({ id, patientName, started }: { id: string; patientName: string; started: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState<null | "cancel" | "no-show">(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<AppointmentReasonInput>({ resolver: zodResolver(appointmentReasonSchema), defaultValues: { reason: "" } });
  const onSubmit = form.handleSubmit(async (v) => {
    const res = await submitJson(`/api/appointments/${id}/${open}`, "POST", v, form.setError);
    if (res.ok) {
      setOpen(null);
      form.reset();
      router.refresh();
    } else if (res.code !== "INVALID_INPUT") setError(res.message);
  });
  if (!open)
    return (
      <div className="mt-2 flex flex-wrap gap-2">
        <Button variant="secondary" type="button" onClick={() => setOpen("cancel")} aria-label={`Cancel visit of ${patientName}`}>
          Cancel visit
        </Button>
        {started && (
          <Button variant="secondary" type="button" onClick={() => setOpen("no-show")} aria-label={`No-show of ${patientName}`}>
            No-show
          </Button>
        )}
      </div>
    );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={open === "cancel" ? `Cancel visit of ${patientName}` : `No-show of ${patientName}`}
      className="mt-2 grid gap-2"
    >
      <TextInput
        label={open === "cancel" ? "Why is it cancelled?" : "Why did the patient not come?"}
        error={form.formState.errors.reason?.message}
        {...form.register("reason")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={form.formState.isSubmitting}>
          {open === "cancel" ? "Cancel the visit" : "Record no-show"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setOpen(null);
            setError(null);
            form.reset();
          }}
        >
          Keep it
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </form>
  );
}
