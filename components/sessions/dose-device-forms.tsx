"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { deviceSchema, doseSchema, type DeviceInput, type DoseInput } from "@/lib/sessions/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";
import { TimeField, toInstant } from "./time-field";

export function DoseForm({ sessionId, version, doseMg }: { sessionId: string; version: number; doseMg: number | null }) {
  const { register, handleSubmit, setError, formState, watch } = useForm<DoseInput>({
    resolver: zodResolver(doseSchema) as never,
    defaultValues: {
      version,
      doseOption: doseMg === 56 || doseMg === 84 ? (String(doseMg) as "56" | "84") : doseMg ? "OTHER" : undefined,
      otherDoseMg: doseMg && doseMg !== 56 && doseMg !== 84 ? doseMg : undefined,
    },
  });
  const { submit, outcome } = useEntry(setError, "Dose");
  const other = watch("doseOption") === "OTHER";
  const e = formState.errors;
  return (
    <form
      onSubmit={handleSubmit((v) => submit(`/api/sessions/${sessionId}/dose`, "PUT", { ...v, version }))}
      noValidate
      aria-label="Dose"
      className="flex flex-wrap items-end gap-3"
    >
      <SelectInput label="Dose" error={e.doseOption?.message} {...register("doseOption")}>
        <option value="">Choose…</option>
        <option value="56">56 mg (2 devices)</option>
        <option value="84">84 mg (3 devices)</option>
        <option value="OTHER">Other</option>
      </SelectInput>
      {other && <TextInput label="Dose in mg" inputMode="numeric" error={e.otherDoseMg?.message} {...register("otherDoseMg")} />}
      {other && <TextInput label="Reason for this dose" error={e.otherDoseReason?.message} {...register("otherDoseReason")} />}
      <Button type="submit" disabled={formState.isSubmitting}>
        Set dose
      </Button>
      <div className="w-full">
        <EntryOutcomeView outcome={outcome} saved="Dose set." fields={["doseOption", "otherDoseMg", "otherDoseReason"]} />
      </div>
    </form>
  );
}

type Warning = { code: string; message: string };

export function DeviceForm({
  sessionId,
  nextSequence,
  devicesOnHand,
  warnings,
}: {
  sessionId: string;
  nextSequence: number;
  devicesOnHand: { id: string; label: string }[];
  warnings: Warning[];
}) {
  const { register, handleSubmit, setError, formState, reset, watch } = useForm<DeviceInput & { acknowledge?: boolean }>({
    resolver: zodResolver(deviceSchema) as never,
    defaultValues: { deviceId: devicesOnHand[0]?.id ?? "" },
  });
  const { submit, outcome } = useEntry(setError, `Device ${nextSequence}`);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    // Acknowledging sends the codes of the warnings shown: the server refuses if any is left unread, and audits them.
    const acknowledgedWarnings = watch("acknowledge") ? warnings.map((w) => w.code) : [];
    const o = await submit(`/api/sessions/${sessionId}/devices`, "POST", {
      deviceId: v.deviceId,
      administeredAt: toInstant(v.administeredAt),
      lateReason: v.lateReason,
      acknowledgedWarnings,
    });
    if (o.kind === "saved") reset({ deviceId: "", administeredAt: "" as never });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Device" className="flex flex-wrap items-end gap-3">
      {!!warnings.length && (
        <div role="note" className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p className="font-semibold">Before dosing:</p>
          <ul className="list-disc pl-5">
            {warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
          <Checkbox label="I have read these warnings and proceed" error={formState.errors.acknowledgedWarnings?.message} {...register("acknowledge")} />
        </div>
      )}
      <SelectInput label={`Device ${nextSequence}`} error={e.deviceId?.message} {...register("deviceId")}>
        <option value="">Choose…</option>
        {devicesOnHand.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectInput>
      <TimeField
        label="Given at"
        error={e.administeredAt?.message}
        registration={register("administeredAt")}
        value={watch("administeredAt") as unknown as string}
        late={{ registration: register("lateReason"), error: e.lateReason?.message }}
      />
      <Button type="submit" disabled={formState.isSubmitting}>{`Record device ${nextSequence}`}</Button>
      <div className="w-full">
        <EntryOutcomeView outcome={outcome} saved={`Device ${nextSequence} recorded.`} fields={["deviceId", "administeredAt", "acknowledgedWarnings"]} />
      </div>
    </form>
  );
}
