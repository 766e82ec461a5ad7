"use client";
// Recording what really happened: a session ended without a dose, a prescriber's dose correction, and
// later facts about an adverse event. Each form validates with the same zod schema as its route.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  adverseEventUpdateSchema,
  doseCorrectionSchema,
  NOT_DOSED_REASONS,
  notDosedSchema,
  type AdverseEventUpdateInput,
  type DoseCorrectionInput,
  type NotDosedInput,
} from "@/lib/sessions/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";

/** Before the first device: end the session without a dose; it leaves the board and has no PMF. */
export function NotDosedForm({ sessionId, patientName }: { sessionId: string; patientName: string }) {
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<NotDosedInput>({ resolver: zodResolver(notDosedSchema) as never });
  const { submit, outcome } = useEntry(setError, "Not dosed");
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        End without dosing…
      </Button>
    );
  return (
    <form
      onSubmit={handleSubmit((v) => submit(`/api/sessions/${sessionId}/not-dosed`, "POST", v))}
      noValidate
      aria-label="End the session without dosing"
      className="grid gap-3 md:grid-cols-2"
    >
      <p className="md:col-span-2">End {patientName}&apos;s session without giving a dose? It leaves the board; no device can be recorded afterwards.</p>
      <SelectInput label="Why was the patient not dosed?" error={formState.errors.reason?.message} defaultValue="" {...register("reason")}>
        <option value="" disabled>
          Choose…
        </option>
        {Object.entries(NOT_DOSED_REASONS).map(([k, label]) => (
          <option key={k} value={k}>
            {label}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Details" hint="Required for “Other”" error={formState.errors.note?.message} {...register("note")} />
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
          End without dosing
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <div className="md:col-span-2">
        <EntryOutcomeView outcome={outcome} saved="The session ended without a dose." fields={["reason", "note"]} />
      </div>
    </form>
  );
}

/** A prescriber corrects the dose after devices were recorded (the count shows the recorded dose was wrong). */
export function DoseCorrectionForm({ sessionId, doseMg }: { sessionId: string; doseMg: number | null }) {
  const { register, handleSubmit, setError, formState } = useForm<DoseCorrectionInput>({ resolver: zodResolver(doseCorrectionSchema) as never });
  const { submit, outcome } = useEntry(setError, "Dose correction");
  return (
    <form
      onSubmit={handleSubmit((v) => submit(`/api/sessions/${sessionId}/dose-correction`, "POST", v))}
      noValidate
      aria-label="Correct the dose"
      className="grid gap-3 md:grid-cols-2"
    >
      <SelectInput label="Corrected dose" error={formState.errors.doseMg?.message} defaultValue="" {...register("doseMg")}>
        <option value="" disabled>
          Choose…
        </option>
        {[28, 56, 84]
          .filter((d) => d !== doseMg)
          .map((d) => (
            <option key={d} value={d}>
              {d} mg
            </option>
          ))}
      </SelectInput>
      <TextInput label="Reason for the correction" error={formState.errors.reason?.message} {...register("reason")} />
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          Correct the dose
        </Button>
      </div>
      <div className="md:col-span-2">
        <EntryOutcomeView outcome={outcome} saved="Dose corrected." fields={["doseMg", "reason"]} />
      </div>
    </form>
  );
}

/** Later facts about one event: an intervention added, or the event classified serious (R41, PMF). */
export function AdverseEventUpdateForm({ sessionId, eventId, serious, label }: { sessionId: string; eventId: string; serious: boolean; label: string }) {
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<{ intervention: string; serious: boolean; reason: string }>();
  const { submit, outcome } = useEntry(setError as never, "Adverse event");
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Add intervention or classify…
      </Button>
    );
  const save = handleSubmit(async (v) => {
    const body: AdverseEventUpdateInput = {
      addInterventions: v.intervention.trim() ? [v.intervention] : [],
      serious: v.serious ? true : undefined,
      reason: v.reason,
    };
    const parsed = adverseEventUpdateSchema.safeParse(body);
    if (!parsed.success) {
      for (const i of parsed.error.issues) setError(i.path[0] === "addInterventions" ? "intervention" : "reason", { message: i.message });
      return;
    }
    if ((await submit(`/api/sessions/${sessionId}/adverse-events/${eventId}/update`, "POST", body)).kind === "saved") setOpen(false);
  });
  return (
    <form onSubmit={save} noValidate aria-label={`Update ${label}`} className="mt-2 grid gap-3 md:grid-cols-2">
      <TextInput label="Intervention to add" error={formState.errors.intervention?.message} {...register("intervention")} />
      {!serious && <Checkbox label="Classify as a serious adverse event" {...register("serious")} />}
      <TextInput label="Reason" error={formState.errors.reason?.message} {...register("reason")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          Save
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <div className="md:col-span-2">
        <EntryOutcomeView outcome={outcome} saved="Event updated." />
      </div>
    </form>
  );
}
