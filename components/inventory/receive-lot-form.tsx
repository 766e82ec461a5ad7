"use client";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { receiveLotSchema, type ReceiveLotInput } from "@/lib/inventory/schema";
import { KITS, NDCS } from "@/lib/inventory/rules";
import { toInstant } from "@/lib/sessions/client/instant";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useJsonSubmit } from "./use-json-form";

type Person = { id: string; name: string; role: string };

/** R44: receive a delivery — kit, lot, expiry, number of devices, supplier and who received it. */
export function ReceiveLotForm({ siteId, siteName, staff, meId, today }: { siteId: string; siteName: string; staff: Person[]; meId: string; today: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<ReceiveLotInput>({
    resolver: zodResolver(receiveLotSchema) as unknown as Resolver<ReceiveLotInput>,
    defaultValues: {
      siteId,
      ndc: undefined,
      lotNumber: "",
      expiresOn: "",
      deviceCount: "" as unknown as number,
      supplier: "",
      receivedById: meId,
      receivedAt: "" as unknown as undefined,
    },
  });
  const { failure, send } = useJsonSubmit(setError);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    const res = await send<{ id: string; devices: number }>("/api/inventory/lots", { ...values, receivedAt: toInstant(values.receivedAt) });
    if (res.ok) router.push(`/inventory/lots/${res.data.id}?received=${res.data.devices}`);
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Receive a lot"
      className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
    >
      <p className="md:col-span-2">
        Receiving at <strong>{siteName}</strong>. Each device becomes one record, on hand, numbered after the lot.
      </p>
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure.message}</Alert>
        </div>
      )}
      <input type="hidden" {...register("siteId")} />
      <SelectInput label="Kit (NDC)" error={e.ndc?.message} {...register("ndc")}>
        <option value="">Choose…</option>
        {NDCS.map((ndc) => (
          <option key={ndc} value={ndc}>
            {ndc} · {KITS[ndc].label}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Lot number" autoComplete="off" hint="As printed on the carton." error={e.lotNumber?.message} {...register("lotNumber")} />
      <TextInput label="Expiry date" type="date" min={today} error={e.expiresOn?.message} {...register("expiresOn")} />
      <TextInput
        label="Number of devices"
        type="number"
        inputMode="numeric"
        min={1}
        hint="Devices, not kits: 10 kits of 84 mg are 30 devices."
        error={e.deviceCount?.message}
        {...register("deviceCount")}
      />
      <TextInput label="Supplier" autoComplete="off" error={e.supplier?.message} {...register("supplier")} />
      <SelectInput label="Received by" error={e.receivedById?.message} {...register("receivedById")}>
        {staff.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.id === meId ? " (you)" : ""}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Received at (leave empty for now)" type="datetime-local" step={1} error={e.receivedAt?.message} {...register("receivedAt")} />
      <div className="flex gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Receive lot"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(`/inventory?site=${siteId}`)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
