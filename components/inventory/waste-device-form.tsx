"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { wasteDeviceSchema, type WasteDeviceInput } from "@/lib/inventory/schema";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useJsonSubmit } from "./use-json-form";

type Option = { id: string; label: string };
const EMPTY: WasteDeviceInput = { deviceId: "", reason: "", witnessId: "", witnessPassword: "" };

/** R43: waste one on-hand device in front of a second person, who confirms with their password. */
export function WasteDeviceForm({ lotId, devices, witnesses }: { lotId: string; devices: Option[]; witnesses: Option[] }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<WasteDeviceInput>({
    resolver: zodResolver(wasteDeviceSchema) as unknown as Resolver<WasteDeviceInput>,
    defaultValues: EMPTY,
  });
  const { failure, send } = useJsonSubmit(setError);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setDone(null);
    const res = await send<{ serial: string }>(`/api/inventory/lots/${lotId}/waste`, values);
    if (!res.ok) return;
    setDone(`Device ${res.data.serial} is recorded as wasted.`);
    reset(EMPTY);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Waste a device" className="grid gap-4 md:grid-cols-2">
      {done && (
        <div className="md:col-span-2">
          <Alert tone="success">{done}</Alert>
        </div>
      )}
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure.message}</Alert>
        </div>
      )}
      <SelectInput label="Device to waste" error={e.deviceId?.message} {...register("deviceId")}>
        <option value="">Choose…</option>
        {devices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Reason" autoComplete="off" hint="For example: dropped, damaged, expired." error={e.reason?.message} {...register("reason")} />
      <SelectInput label="Witness" hint="A second person of this site who saw the device destroyed." error={e.witnessId?.message} {...register("witnessId")}>
        <option value="">Choose…</option>
        {witnesses.map((w) => (
          <option key={w.id} value={w.id}>
            {w.label}
          </option>
        ))}
      </SelectInput>
      <TextInput
        label="Witness's password"
        type="password"
        autoComplete="off"
        hint="The witness types their own password to confirm."
        error={e.witnessPassword?.message}
        {...register("witnessPassword")}
      />
      <div className="md:col-span-2">
        <Button type="submit" variant="danger" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Record waste"}
        </Button>
      </div>
    </form>
  );
}
