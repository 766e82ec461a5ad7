"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { CADSS6_ITEMS, dissociationSchema, sedationSchema, type DissociationInput, type SedationInput } from "@/lib/sessions/schema";
import { SelectInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useEntry } from "./use-entry";
import { EntryOutcomeView } from "./entry-outcome";
import { TimeField, toInstant } from "./time-field";

const MOAAS = [
  [5, "Responds readily to name spoken in normal tone (alert)"],
  [4, "Lethargic response to name in normal tone"],
  [3, "Responds only after name is called loudly or repeatedly"],
  [2, "Responds only after mild prodding or shaking"],
  [1, "Responds only after painful trapezius squeeze"],
  [0, "No response to painful trapezius squeeze"],
] as const;

export function SedationForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, reset, watch } = useForm<SedationInput>({ resolver: zodResolver(sedationSchema) as never });
  const { submit, outcome } = useEntry(setError, "MOAA/S");
  const alert = outcome?.kind === "saved" ? (outcome.data as { result?: { alert?: { message: string } | null } })?.result?.alert : null;
  return (
    <form
      onSubmit={handleSubmit(async (v) => {
        const o = await submit(`/api/sessions/${sessionId}/sedation`, "POST", { ...v, takenAt: toInstant(v.takenAt) });
        if (o.kind === "saved") reset();
      })}
      noValidate
      aria-label="Sedation (MOAA/S)"
      className="flex flex-col gap-3"
    >
      <fieldset>
        <legend className="font-medium">Sedation: MOAA/S</legend>
        <div className="grid gap-1 md:grid-cols-2">
          {MOAAS.map(([score, text]) => (
            <label key={score} className="flex min-h-11 items-center gap-3 rounded border border-slate-200 px-3">
              <input type="radio" value={score} className="size-5" {...register("moaas")} />
              <span>
                <strong>{score}</strong> — {text}
              </span>
            </label>
          ))}
        </div>
        {formState.errors.moaas && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {formState.errors.moaas.message}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <TimeField
          error={formState.errors.takenAt?.message}
          registration={register("takenAt")}
          value={watch("takenAt") as unknown as string}
          late={{ registration: register("lateReason"), error: formState.errors.lateReason?.message }}
        />
        <Button type="submit" disabled={formState.isSubmitting}>
          Record MOAA/S
        </Button>
      </div>
      {alert && <Alert tone="error">{alert.message}</Alert>}
      <EntryOutcomeView outcome={outcome} saved="MOAA/S recorded." />
    </form>
  );
}

export function DissociationForm({ sessionId }: { sessionId: string }) {
  const { register, handleSubmit, setError, formState, reset, watch } = useForm<DissociationInput>({
    resolver: zodResolver(dissociationSchema) as never,
    defaultValues: { scale: "NONE", itemScores: [] },
  });
  const { submit, outcome } = useEntry(setError, "Dissociation");
  const scale = watch("scale");
  return (
    <form
      onSubmit={handleSubmit(async (v) => {
        const o = await submit(`/api/sessions/${sessionId}/dissociation`, "POST", {
          ...v,
          itemScores: v.scale === "CADSS6" ? v.itemScores : [],
          takenAt: toInstant(v.takenAt),
        });
        if (o.kind === "saved") reset({ scale: "NONE", itemScores: [] });
      })}
      noValidate
      aria-label="Dissociation"
      className="flex flex-col gap-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        <SelectInput
          label="Dissociation"
          error={formState.errors.present?.message}
          {...register("present", { setValueAs: (v) => (v === "true" ? true : v === "false" ? false : undefined) })}
        >
          <option value="">Choose…</option>
          <option value="false">Absent</option>
          <option value="true">Present</option>
        </SelectInput>
        <SelectInput label="Scale (optional)" {...register("scale")}>
          <option value="NONE">None</option>
          <option value="CADSS6">CADSS-6 item scores</option>
        </SelectInput>
        <TimeField
          error={formState.errors.takenAt?.message}
          registration={register("takenAt")}
          value={watch("takenAt") as unknown as string}
          late={{ registration: register("lateReason"), error: formState.errors.lateReason?.message }}
        />
      </div>
      {scale === "CADSS6" && (
        <div className="grid grid-cols-3 gap-2 md:grid-cols-6">
          {CADSS6_ITEMS.map((item, i) => (
            <SelectInput key={item} label={`CADSS item ${item}`} {...register(`itemScores.${i}` as const)}>
              {[0, 1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectInput>
          ))}
        </div>
      )}
      {formState.errors.itemScores && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formState.errors.itemScores.message}
        </p>
      )}
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          Record dissociation
        </Button>
      </div>
      <EntryOutcomeView outcome={outcome} saved="Dissociation recorded." />
    </form>
  );
}
