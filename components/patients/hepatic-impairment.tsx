"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { HEPATIC_LEVELS, hepaticImpairmentSchema, type HepaticImpairmentInput } from "@/lib/patients/medication-schema";
import { HEPATIC_LABEL, type HepaticImpairment } from "@/lib/sessions/hepatic-rules";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "./badges";

const CONSEQUENCE: Record<HepaticImpairment, string | null> = {
  NONE: null,
  MODERATE: "Label: may need longer monitoring. Shown on the discharge assessment; the 2-hour minimum is unchanged.",
  SEVERE: "Use not recommended. Each session waits for a prescriber's benefit/risk decision before the first device.",
};

/** R48: the patient's hepatic impairment; a prescriber records it (audited). */
export function HepaticImpairmentPanel({
  patientId,
  level,
  recorded,
  version,
  canRecord,
}: {
  patientId: string;
  level: HepaticImpairment;
  recorded: string | null;
  version: number;
  canRecord: boolean;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<HepaticImpairmentInput>({
    resolver: zodResolver(hepaticImpairmentSchema) as unknown as Resolver<HepaticImpairmentInput>,
    values: { level, version },
  });
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const r = await submitJson<HepaticImpairmentInput>(`/api/patients/${patientId}/hepatic-impairment`, "PUT", v, setError);
    if (!r.ok) return setFailure(r.message);
    router.refresh();
  });
  return (
    <section aria-labelledby="hepatic" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="hepatic" className="mb-2 text-lg font-semibold">
        Hepatic impairment
      </h2>
      <p>
        <Badge tone={level === "SEVERE" ? "red" : level === "MODERATE" ? "amber" : "slate"}>{HEPATIC_LABEL[level]}</Badge>
      </p>
      {CONSEQUENCE[level] && <p className="mt-1 text-sm text-slate-800">{CONSEQUENCE[level]}</p>}
      {recorded && <p className="mt-1 text-sm text-slate-600">Recorded {recorded}.</p>}
      {canRecord && (
        <form onSubmit={onSubmit} noValidate aria-label="Record hepatic impairment" className="mt-3 flex flex-wrap items-end gap-2">
          {failure && (
            <div className="w-full">
              <Alert tone="error">{failure}</Alert>
            </div>
          )}
          <input type="hidden" {...register("version")} />
          <SelectInput label="Hepatic impairment" error={formState.errors.level?.message} {...register("level")}>
            {HEPATIC_LEVELS.map((l) => (
              <option key={l} value={l}>
                {HEPATIC_LABEL[l]}
              </option>
            ))}
          </SelectInput>
          <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
            Save
          </Button>
        </form>
      )}
    </section>
  );
}
