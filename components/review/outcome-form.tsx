"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectInput, TextInput } from "@/components/ui/field";
import { SCALES, type Scale } from "@/lib/outcomes/items";
import { outcomeSchema, type OutcomeInput } from "@/lib/outcomes/schema";

type Saved = { total: number; item9Flag: boolean };

/** A PHQ-9, MADRS or C-SSRS screener entered item by item; the total is shown as it adds up and computed again by the server. */
export function OutcomeForm({ patientId }: { patientId: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<OutcomeInput>({ resolver: zodResolver(outcomeSchema), defaultValues: { instrument: "PHQ9", items: [] } });
  const instrument = useWatch({ control: form.control, name: "instrument" }) as Scale;
  const items = ((useWatch({ control: form.control, name: "items" }) ?? []) as unknown[]).map((x) =>
    x === null || x === undefined || x === "" ? undefined : Number(x),
  );
  const scale = SCALES[instrument];
  const q2No = instrument === "CSSRS" && items[1] === 0;
  // C-SSRS: a "no" to question 2 skips 3–5, stored as "not asked" (−1).
  useEffect(() => {
    if (instrument !== "CSSRS") return;
    for (const i of [2, 3, 4]) if (q2No || items[i] === -1) form.setValue(`items.${i}`, q2No ? -1 : (undefined as unknown as number));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q2No, instrument]);
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(null);
    const res = await submitJson<OutcomeInput, Saved>(`/api/patients/${patientId}/outcomes`, "POST", values, form.setError);
    if (res.ok) {
      setSaved(res.data);
      form.reset({ instrument, items: [] });
      router.refresh();
    } else if (res.code !== "INVALID_INPUT") setError(res.message);
  });
  const itemsError =
    (form.formState.errors.items as { message?: string } | undefined)?.message ?? (form.formState.errors.items ? "Answer every item" : undefined);
  const running = instrument === "CSSRS" ? null : items.filter((x): x is number => typeof x === "number" && x >= 0).reduce((a, b) => a + b, 0);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record an outcome measure" className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectInput
          label="Scale"
          {...form.register("instrument", {
            onChange: () => {
              form.setValue("items", []);
              setSaved(null);
            },
          })}
        >
          <option value="PHQ9">PHQ-9 (patient)</option>
          <option value="MADRS">MADRS (clinician)</option>
          <option value="CSSRS">C-SSRS screener</option>
        </SelectInput>
        <TextInput
          label="Taken at (leave empty for now)"
          type="datetime-local"
          error={form.formState.errors.takenAt?.message}
          {...form.register("takenAt", { setValueAs: (v: string) => (v ? new Date(v).toISOString() : undefined) })}
        />
      </div>
      <ol className="flex flex-col divide-y divide-slate-200 rounded-md border border-slate-200">
        {scale.items.map((text, i) => {
          const skipped = q2No && i >= 2 && i <= 4;
          return (
            <li key={`${instrument}-${i}`} className="p-3">
              <fieldset aria-invalid={!!(form.formState.errors.items as unknown as Record<number, unknown> | undefined)?.[i]}>
                <legend className="mb-1 font-medium">
                  {i + 1}. {text}
                  {skipped && <span className="font-normal text-slate-600"> — not asked (question 2 was no)</span>}
                </legend>
                {!skipped && (
                  <div className="flex flex-wrap gap-x-4">
                    {scale.choices.map((label, value) => (
                      <label key={label} className="inline-flex min-h-11 items-center gap-2">
                        <input type="radio" value={value} className="size-5" {...form.register(`items.${i}`)} />
                        {instrument === "MADRS" ? value : `${label}${instrument === "PHQ9" ? ` (${value})` : ""}`}
                      </label>
                    ))}
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {itemsError && (
        <p role="alert" className="font-medium text-red-700">
          {itemsError}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save {scale.name.split(" ")[0]}
        </Button>
        {running != null && (
          <span className="tabular-nums">
            Total so far: <strong>{running}</strong> (computed, not typed)
          </span>
        )}
      </div>
      {saved &&
        (saved.item9Flag ? (
          <Alert tone="error">
            Saved, total {saved.total}. PHQ-9 item 9 is above 0: the patient needs immediate clinical follow-up — complete a C-SSRS screener now and tell the
            prescriber.
          </Alert>
        ) : (
          <Alert tone="success">Saved, total {saved.total}.</Alert>
        ))}
      {error && <Alert tone="error">{error}</Alert>}
    </form>
  );
}
