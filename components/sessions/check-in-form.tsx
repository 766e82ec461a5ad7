"use client";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { checkInSchema, type CheckInInput } from "@/lib/sessions/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { toInstant } from "./time-field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";

type Person = { id: string; firstName: string; lastName: string };
type Props = {
  appointmentId?: string;
  chairId?: string;
  patientId: string;
  indication: "TRD" | "MDSI" | null;
  chairs: { id: string; label: string }[];
  prescribers: Person[];
  nurses: Person[];
  me: string;
};

export function CheckInForm({ appointmentId, chairId, patientId, indication, chairs, prescribers, nurses, me }: Props) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState, watch } = useForm<CheckInInput>({
    resolver: zodResolver(checkInSchema),
    defaultValues: {
      patientId,
      appointmentId,
      chairId,
      indication: indication ?? undefined,
      monitoringHcpId: nurses.some((n) => n.id === me) ? me : "",
      prescriberOnSiteId: prescribers.length === 1 ? prescribers[0].id : "",
    },
  });
  const { submit, outcome } = useEntry(setError, "Check-in");
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    const o = await submit("/api/sessions", "POST", { ...v, checkedInAt: v.backEntry ? toInstant(v.checkedInAt) : undefined });
    if (o.kind === "saved") router.push(`/sessions/${(o.data as { result: { id: string } }).result.id}`);
  });
  const name = (p: Person) => `${p.firstName} ${p.lastName}`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Check in" className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2">
      <SelectInput label="Chair" error={e.chairId?.message} {...register("chairId")}>
        <option value="">Choose…</option>
        {chairs.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectInput>
      <SelectInput label="Indication" error={e.indication?.message} {...register("indication")}>
        <option value="">Choose…</option>
        <option value="TRD">TRD</option>
        <option value="MDSI">MDSI</option>
      </SelectInput>
      <SelectInput label="Prescriber on site" error={e.prescriberOnSiteId?.message} {...register("prescriberOnSiteId")}>
        <option value="">Choose…</option>
        {prescribers.map((p) => (
          <option key={p.id} value={p.id}>
            {name(p)}
          </option>
        ))}
      </SelectInput>
      <SelectInput label="Monitoring nurse" error={e.monitoringHcpId?.message} {...register("monitoringHcpId")}>
        <option value="">Choose…</option>
        {nurses.map((p) => (
          <option key={p.id} value={p.id}>
            {name(p)}
          </option>
        ))}
      </SelectInput>
      <div className="md:col-span-2">
        <Checkbox label="Documenting a past session from paper (downtime back-entry)" {...register("backEntry")} />
      </div>
      {watch("backEntry") && (
        <>
          <TextInput label="Checked in at" type="datetime-local" step={60} error={e.checkedInAt?.message} {...register("checkedInAt")} />
          <TextInput label="Why is it entered after the fact?" error={e.backEntryReason?.message} {...register("backEntryReason")} />
        </>
      )}
      <div className="md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {watch("backEntry") ? "Start back-entry" : "Check in"}
        </Button>
      </div>
      <div className="md:col-span-2">
        <EntryOutcomeView outcome={outcome} saved="Checked in." />
      </div>
    </form>
  );
}
