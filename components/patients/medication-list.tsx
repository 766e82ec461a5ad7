"use client";
import { Fragment, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  medicationEditSchema,
  medicationSchema,
  medicationStopSchema,
  type MedicationEditInput,
  type MedicationInput,
  type MedicationStopInput,
} from "@/lib/patients/medication-schema";
import { DRUG_CLASSES, drugClassLabel } from "@/lib/patients/medication-rules";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formatCalendarDate } from "@/lib/patients/format";
import { Badge } from "./badges";

const day = (iso: string | null) => (iso ? formatCalendarDate(new Date(`${iso}T00:00:00Z`)) : "—");

type Med = {
  id: string;
  name: string;
  drugClass: string;
  dose: string | null;
  startedOn: string | null;
  stoppedOn: string | null;
  version: number;
  current: boolean;
};

const STOP_HINT = "The first day it is no longer taken; leave empty while it is taken.";

/** The fields of one medicine, for adding and for correcting. */
function MedicationFields({ form, today }: { form: ReturnType<typeof useForm<MedicationInput>>; today: string }) {
  const {
    register,
    formState: { errors: e },
  } = form;
  return (
    <>
      <TextInput label="Medicine" autoComplete="off" error={e.name?.message} {...register("name")} />
      <SelectInput label="Class" error={e.drugClass?.message} {...register("drugClass")}>
        <option value="">Choose…</option>
        {DRUG_CLASSES.map((c) => (
          <option key={c} value={c}>
            {drugClassLabel(c)}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Dose" hint="For example 1 mg at night" error={e.dose?.message} {...register("dose")} />
      <TextInput label="Started on" type="date" max={today} error={e.startedOn?.message} {...register("startedOn")} />
      <TextInput label="Stopped on" type="date" hint={STOP_HINT} error={e.stoppedOn?.message} {...register("stoppedOn")} />
    </>
  );
}

function AddMedication({ patientId, today }: { patientId: string; today: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<MedicationInput>({
    resolver: zodResolver(medicationSchema) as unknown as Resolver<MedicationInput>,
    defaultValues: { name: "", drugClass: "" as never, dose: "", startedOn: today, stoppedOn: "" },
  });
  const onSubmit = form.handleSubmit(async (v) => {
    setFailure(null);
    const r = await submitJson<MedicationInput>(`/api/patients/${patientId}/medications`, "POST", v, form.setError);
    if (!r.ok) return setFailure(r.message);
    form.reset({ name: "", drugClass: "" as never, dose: "", startedOn: today, stoppedOn: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a medication" className="mt-4 grid gap-3 border-t border-slate-200 pt-4 md:grid-cols-3">
      <h3 className="font-semibold md:col-span-3">Add a medication</h3>
      {failure && (
        <div className="md:col-span-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <MedicationFields form={form} today={today} />
      <div className="self-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Add medication
        </Button>
      </div>
    </form>
  );
}

function EditMedication({ patientId, med, today, onDone }: { patientId: string; med: Med; today: string; onDone: () => void }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<MedicationEditInput>({
    resolver: zodResolver(medicationEditSchema) as unknown as Resolver<MedicationEditInput>,
    defaultValues: {
      version: med.version,
      name: med.name,
      drugClass: med.drugClass as MedicationEditInput["drugClass"],
      dose: med.dose ?? "",
      startedOn: med.startedOn ?? "",
      stoppedOn: med.stoppedOn ?? "",
    },
  });
  const onSubmit = form.handleSubmit(async (v) => {
    setFailure(null);
    const r = await submitJson<MedicationEditInput>(`/api/patients/${patientId}/medications/${med.id}`, "PATCH", v, form.setError);
    if (!r.ok) return setFailure(r.message);
    onDone();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Correct ${med.name}`} className="grid gap-3 rounded-md bg-slate-50 p-3 md:grid-cols-3">
      {failure && (
        <div className="md:col-span-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <input type="hidden" {...form.register("version")} />
      <MedicationFields form={form as unknown as ReturnType<typeof useForm<MedicationInput>>} today={today} />
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save correction
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function StopMedication({ patientId, med, today, onDone }: { patientId: string; med: Med; today: string; onDone: () => void }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<MedicationStopInput>({
    resolver: zodResolver(medicationStopSchema) as unknown as Resolver<MedicationStopInput>,
    defaultValues: { version: med.version, stoppedOn: today },
  });
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const r = await submitJson<MedicationStopInput>(`/api/patients/${patientId}/medications/${med.id}/stop`, "POST", v, setError);
    if (!r.ok) return setFailure(r.message);
    onDone();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Stop ${med.name}`} className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3">
      {failure && (
        <div className="w-full">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <input type="hidden" {...register("version")} />
      <TextInput
        label={`${med.name}: stopped on`}
        type="date"
        hint="The first day it is no longer taken."
        error={formState.errors.stoppedOn?.message}
        {...register("stoppedOn")}
      />
      <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
        Stop medication
      </Button>
      <Button type="button" variant="secondary" onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}

/**
 * The patient's medication list with its history (stopped medicines stay, greyed). The pre-dose checklist
 * pre-fills from it; the PMF's concomitant-medication answers, R10 and the naltrexone caution read it.
 */
export function MedicationList({ patientId, medications, canRecord, today }: { patientId: string; medications: Med[]; canRecord: boolean; today: string }) {
  const [open, setOpen] = useState<{ id: string; kind: "edit" | "stop" } | null>(null);
  const close = () => setOpen(null);
  return (
    <section aria-labelledby="meds" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="meds" className="mb-2 text-lg font-semibold">
        Medication list
      </h2>
      {!medications.length ? (
        <p className="text-slate-700">None recorded.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="p-2">
                  Medicine
                </th>
                <th scope="col" className="p-2">
                  Class
                </th>
                <th scope="col" className="p-2">
                  Dose
                </th>
                <th scope="col" className="p-2">
                  Started
                </th>
                <th scope="col" className="p-2">
                  Stopped
                </th>
                {canRecord && (
                  <th scope="col" className="p-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {medications.map((m) => (
                <Fragment key={m.id}>
                  <tr className={`border-t border-slate-200 align-top ${m.current ? "" : "text-slate-600"}`}>
                    <td className="p-2">
                      {m.name}
                      {!m.current && (
                        <>
                          {" "}
                          <Badge tone="slate">Stopped</Badge>
                        </>
                      )}
                    </td>
                    <td className="p-2">{drugClassLabel(m.drugClass)}</td>
                    <td className="p-2">{m.dose ?? "—"}</td>
                    <td className="whitespace-nowrap p-2">{day(m.startedOn)}</td>
                    <td className="whitespace-nowrap p-2">{day(m.stoppedOn)}</td>
                    {canRecord && (
                      <td className="p-2">
                        <div className="flex flex-wrap gap-2">
                          <Button type="button" variant="secondary" aria-label={`Correct ${m.name}`} onClick={() => setOpen({ id: m.id, kind: "edit" })}>
                            Correct
                          </Button>
                          {m.current && !m.stoppedOn && (
                            <Button type="button" variant="secondary" aria-label={`Stop ${m.name}`} onClick={() => setOpen({ id: m.id, kind: "stop" })}>
                              Stop
                            </Button>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                  {open?.id === m.id && (
                    <tr>
                      <td colSpan={6} className="p-2">
                        {open.kind === "edit" ? (
                          <EditMedication patientId={patientId} med={m} today={today} onDone={close} />
                        ) : (
                          <StopMedication patientId={patientId} med={m} today={today} onDone={close} />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord && <AddMedication patientId={patientId} today={today} />}
    </section>
  );
}
