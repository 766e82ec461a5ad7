"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { COUNSELLING_TOPIC_LABELS, COUNSELLING_TOPICS, counsellingSchema, type CounsellingInput } from "@/lib/patients/enrollment-schema";
import { toInstant } from "@/lib/sessions/client/instant";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "./badges";

export type CounsellingView = {
  completeAt: string | null;
  missingTopics: string[];
  records: { id: string; counselledAt: string; counsellor: string; topics: string[] }[];
};

const label = (t: string) => COUNSELLING_TOPIC_LABELS[t as keyof typeof COUNSELLING_TOPIC_LABELS] ?? t;
/** The tablet's wall clock as a datetime-local value (the server still refuses a time in the future by its own clock). */
const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function CounsellingForm({
  patientId,
  counsellors,
  selfId,
  onDone,
}: {
  patientId: string;
  counsellors: { id: string; name: string }[];
  selfId: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm<CounsellingInput>({
    resolver: zodResolver(counsellingSchema) as unknown as Resolver<CounsellingInput>,
    defaultValues: { counselledById: counsellors.some((c) => c.id === selfId) ? selfId : "", counselledAt: "", topics: [] },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson<CounsellingInput>(
      `/api/patients/${patientId}/counselling`,
      "POST",
      { ...v, counselledAt: toInstant(v.counselledAt) ?? "" },
      setError,
    );
    if (!res.ok) return setFailure(res.status === 422 ? "Please correct the highlighted fields." : res.message);
    onDone();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record counselling" className="mt-3 flex flex-col gap-3">
      {failure && <Alert tone="error">{failure}</Alert>}
      <SelectInput label="Counselled by" error={e.counselledById?.message} {...register("counselledById")}>
        <option value="">Choose…</option>
        {counsellors.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectInput>
      <div className="flex items-end gap-2">
        <div className="grow">
          <TextInput label="Counselled at" type="datetime-local" hint="Leave empty for now." error={e.counselledAt?.message} {...register("counselledAt")} />
        </div>
        <Button type="button" variant="secondary" onClick={() => setValue("counselledAt", localNow())}>
          Now
        </Button>
      </div>
      <fieldset aria-describedby={e.topics ? "topics-error" : undefined}>
        <legend className="font-medium">Topics covered</legend>
        {COUNSELLING_TOPICS.map((t) => (
          <label key={t} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" className="size-5" value={t} {...register("topics")} />
            <span>{label(t)}</span>
          </label>
        ))}
        {e.topics && (
          <p id="topics-error" role="alert" className="text-sm font-medium text-red-700">
            {e.topics.message ?? e.topics.root?.message}
          </p>
        )}
      </fieldset>
      <div className="flex gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          Save counselling
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** R7: counselling before the first dose — whether every REMS topic is covered, the visits, and recording one. */
export function Counselling({
  patientId,
  view,
  counsellors,
  selfId,
  canRecord,
}: {
  patientId: string;
  view: CounsellingView;
  counsellors: { id: string; name: string }[];
  selfId: string;
  canRecord: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="counselling" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="counselling" className="mb-2 text-lg font-semibold">
        Counselling
      </h2>
      <p className="mb-2">
        {view.completeAt ? (
          <Badge tone="green">Counselled on every REMS topic</Badge>
        ) : (
          <Badge tone="red">{view.records.length ? "Topics missing" : "Not counselled"}</Badge>
        )}
      </p>
      {view.completeAt && <p className="text-sm text-slate-700">Complete since {view.completeAt}.</p>}
      {!view.completeAt && <p className="text-sm text-red-800">Still to cover before the first dose: {view.missingTopics.map(label).join("; ")}.</p>}
      {view.records.length > 0 && (
        <ol aria-label="Counselling visits" className="mt-2 flex flex-col gap-2">
          {view.records.map((r) => (
            <li key={r.id} className="border-t border-slate-200 pt-2 text-sm">
              <p className="font-medium">
                {r.counselledAt} · {r.counsellor}
              </p>
              <p className="text-slate-700">{r.topics.map(label).join("; ")}</p>
            </li>
          ))}
        </ol>
      )}
      {canRecord && !open && (
        <div className="mt-3">
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
            Record counselling
          </Button>
        </div>
      )}
      {canRecord && open && <CounsellingForm patientId={patientId} counsellors={counsellors} selfId={selfId} onDone={() => setOpen(false)} />}
    </section>
  );
}
