"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { checklistSchema, type ChecklistInput } from "@/lib/sessions/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";
import { toInstant } from "./time-field";
import { drugClassLabel } from "@/lib/patients/medication-rules";

type Saved = {
  version: number;
  rideType: string | null;
  driverName: string | null;
  driverPhone: string | null;
  lastFoodAt: string | null;
  lastLiquidAt: string | null;
  nasalMedicationAt: string | null;
  conmedBenzodiazepines: boolean | null;
  conmedSedativeHypnotics: boolean | null;
  conmedPsychostimulants: boolean | null;
  conmedMaois: boolean | null;
  conmedOpioids: boolean | null;
  pregnancyStatus: string | null;
  enrollmentVerifiedAt: string | null;
};

const local = (iso: string | null | undefined) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const CONMEDS = [
  ["conmedBenzodiazepines", "Benzodiazepines"],
  ["conmedSedativeHypnotics", "Other sedative hypnotics"],
  ["conmedPsychostimulants", "Psychostimulants"],
  ["conmedMaois", "MAO inhibitors"],
  ["conmedOpioids", "Opioids"],
] as const;

/** Where today's medication answers start from (lib/sessions/view.ts): the medication list in force today, or the last session. */
type Prefill = {
  source: "list" | "previous";
  answers: Partial<Record<(typeof CONMEDS)[number][0], boolean | null>>;
  medications: { name: string; drugClass: string }[];
} | null;
const PREFILLED = {
  list: " (pre-filled from the medication list: check each answer with the patient)",
  previous: " (pre-filled from the last session: check each answer with the patient)",
};

/** R11, R12, R16: ride, fasting times, today's medication answers (pre-filled, confirmed anew). */
export function ChecklistForm({ sessionId, saved, prefill }: { sessionId: string; saved: Saved | null; prefill: Prefill }) {
  const source = saved ?? prefill?.answers;
  const { register, handleSubmit, setError, formState, watch } = useForm<ChecklistInput>({
    resolver: zodResolver(checklistSchema) as never,
    defaultValues: {
      version: saved?.version ?? 0,
      rideType: (saved?.rideType as ChecklistInput["rideType"]) ?? undefined,
      driverName: saved?.driverName ?? "",
      driverPhone: saved?.driverPhone ?? "",
      lastFoodAt: local(saved?.lastFoodAt) as never,
      lastLiquidAt: local(saved?.lastLiquidAt) as never,
      nasalMedicationAt: local(saved?.nasalMedicationAt) as never,
      ...Object.fromEntries(CONMEDS.map(([k]) => [k, source?.[k] ?? undefined])),
      conmedConfirmed: undefined as never,
      pregnancyStatus: (saved?.pregnancyStatus as ChecklistInput["pregnancyStatus"]) ?? undefined,
      enrollmentVerified: !!saved?.enrollmentVerifiedAt,
    },
  });
  const { submit, outcome } = useEntry(setError, "Checklist");
  // The version this form last loaded or saved; a save by someone else in between is a 409.
  const [version, setVersion] = useState(saved?.version ?? 0);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    const o = await submit(`/api/sessions/${sessionId}/checklist`, "PUT", {
      ...v,
      version,
      lastFoodAt: toInstant(v.lastFoodAt),
      lastLiquidAt: toInstant(v.lastLiquidAt),
      nasalMedicationAt: toInstant(v.nasalMedicationAt),
    });
    if (o.kind === "saved") setVersion((o.data as { version: number }).version);
  });
  const ride = watch("rideType");
  const yesNo = (name: (typeof CONMEDS)[number][0]) => ({
    ...register(name, { setValueAs: (v) => (v === "true" ? true : v === "false" ? false : v) }),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Pre-dose checklist" className="flex flex-col gap-4">
      <div className="grid gap-3 md:grid-cols-3">
        <SelectInput label="Ride home" error={e.rideType?.message} {...register("rideType")}>
          <option value="">Choose…</option>
          <option value="DRIVER">A driver collects the patient</option>
          <option value="RIDESHARE">Rideshare</option>
          <option value="NONE">No ride (reschedule)</option>
        </SelectInput>
        {ride === "DRIVER" && <TextInput label="Driver's name" error={e.driverName?.message} {...register("driverName")} />}
        {ride === "DRIVER" && <TextInput label="Driver's phone" type="tel" error={e.driverPhone?.message} {...register("driverPhone")} />}
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        <TextInput label="Last food" type="datetime-local" error={e.lastFoodAt?.message} {...register("lastFoodAt")} />
        <TextInput label="Last liquid" type="datetime-local" error={e.lastLiquidAt?.message} {...register("lastLiquidAt")} />
        <TextInput
          label="Nasal steroid or decongestant (if taken)"
          type="datetime-local"
          error={e.nasalMedicationAt?.message}
          {...register("nasalMedicationAt")}
        />
      </div>
      <fieldset>
        <legend className="font-medium">Taking today{!saved && prefill ? PREFILLED[prefill.source] : ""}</legend>
        {!saved && prefill?.source === "list" && (
          <p className="mb-2 text-sm text-slate-700">
            On the medication list today:{" "}
            {prefill.medications.length ? prefill.medications.map((m) => `${m.name} (${drugClassLabel(m.drugClass).toLowerCase()})`).join(", ") : "nothing"}.
          </p>
        )}
        <div className="grid gap-2 md:grid-cols-5">
          {CONMEDS.map(([name, label]) => (
            <SelectInput key={name} label={label} error={e[name]?.message} {...yesNo(name)}>
              <option value="">Choose…</option>
              <option value="false">No</option>
              <option value="true">Yes</option>
            </SelectInput>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 md:grid-cols-3">
        <SelectInput label="Pregnancy" error={e.pregnancyStatus?.message} {...register("pregnancyStatus")}>
          <option value="">Choose…</option>
          <option value="NOT_APPLICABLE">Not applicable</option>
          <option value="NOT_PREGNANT">Not pregnant</option>
          <option value="PREGNANT">Pregnant</option>
          <option value="UNKNOWN">Unknown</option>
        </SelectInput>
        <Checkbox label="Medication answers confirmed with the patient today" error={e.conmedConfirmed?.message} {...register("conmedConfirmed")} />
        <Checkbox label="REMS enrollment verified" {...register("enrollmentVerified")} />
      </div>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          Save checklist
        </Button>
      </div>
      <EntryOutcomeView outcome={outcome} saved="Checklist saved." />
    </form>
  );
}
