"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { returnDeviceSchema, type ReturnDeviceInput } from "@/lib/inventory/schema";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useJsonSubmit } from "./use-json-form";

type Option = { id: string; label: string };

/** R43: one on-hand device goes back to the supplier or a reverse distributor. */
export function ReturnDeviceForm({ lotId, devices, supplier }: { lotId: string; devices: Option[]; supplier: string }) {
  const router = useRouter();
  const empty: ReturnDeviceInput = { deviceId: "", returnedTo: supplier, reason: "" };
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ReturnDeviceInput>({
    resolver: zodResolver(returnDeviceSchema) as unknown as Resolver<ReturnDeviceInput>,
    defaultValues: empty,
  });
  const { failure, send } = useJsonSubmit(setError);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setDone(null);
    const res = await send<{ serial: string }>(`/api/inventory/lots/${lotId}/returns`, values);
    if (!res.ok) return;
    setDone(`Device ${res.data.serial} is recorded as returned.`);
    reset(empty);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Return a device" className="grid gap-4 md:grid-cols-2">
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
      <SelectInput label="Device to return" error={e.deviceId?.message} {...register("deviceId")}>
        <option value="">Choose…</option>
        {devices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Returned to" autoComplete="off" hint="The supplier or reverse distributor." error={e.returnedTo?.message} {...register("returnedTo")} />
      <TextInput
        label="Reason for return"
        autoComplete="off"
        hint="For example: expired, recall, damaged carton."
        error={e.reason?.message}
        {...register("reason")}
      />
      <div className="flex items-end">
        <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Record return"}
        </Button>
      </div>
    </form>
  );
}
