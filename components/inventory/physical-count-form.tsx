"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { physicalCountSchema, type PhysicalCountInput } from "@/lib/inventory/schema";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useJsonSubmit } from "./use-json-form";

type Saved = { countedDevices: number; expectedDevices: number; difference: number; matches: boolean };
const EMPTY = { countedDevices: "" as unknown as number, note: "" };

/** A physical count of the lot; the server compares it with the stock the records expect. */
export function PhysicalCountForm({ lotId }: { lotId: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<Saved | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<PhysicalCountInput>({
    resolver: zodResolver(physicalCountSchema) as unknown as Resolver<PhysicalCountInput>,
    defaultValues: EMPTY,
  });
  const { failure, send } = useJsonSubmit(setError);
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setSaved(null);
    const res = await send<Saved>(`/api/inventory/lots/${lotId}/counts`, values);
    if (!res.ok) return;
    setSaved(res.data);
    reset(EMPTY);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a physical count" className="grid gap-4 md:grid-cols-2">
      {saved && (
        <div className="md:col-span-2">
          {saved.matches ? (
            <Alert tone="success">Count recorded: {saved.countedDevices} devices, as expected.</Alert>
          ) : (
            <Alert tone="warning">
              Count recorded with a discrepancy: {saved.countedDevices} counted, {saved.expectedDevices} expected ({saved.difference > 0 ? "+" : ""}
              {saved.difference}). Investigate and document it.
            </Alert>
          )}
        </div>
      )}
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure.message}</Alert>
        </div>
      )}
      <TextInput label="Devices counted" type="number" inputMode="numeric" min={0} error={e.countedDevices?.message} {...register("countedDevices")} />
      <TextInput
        label="Note"
        autoComplete="off"
        hint="Optional: who counted with you, where a device was found…"
        error={e.note?.message}
        {...register("note")}
      />
      <div className="md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Record count"}
        </Button>
      </div>
    </form>
  );
}
