"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { enrollmentSchema, type EnrollmentInput } from "@/lib/patients/enrollment-schema";
import { submitJson } from "@/components/forms/submit-json";
import { SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EnrollmentBadge } from "./badges";

export type EnrollmentView = {
  id: string;
  current: boolean;
  complete: boolean;
  prescriber: string;
  prescriberId: string;
  patientSignedOn: string | null;
  prescriberSignedOn: string | null;
  submittedOn: string | null;
  channel: "ONLINE" | "FAX" | null;
  remsConfirmation: string | null;
  correctionReason: string | null;
  recordedBy: string | null;
  recordedAt: string;
};

const CHANNEL = { ONLINE: "online", FAX: "fax" } as const;

function EnrollmentDetails({ e }: { e: EnrollmentView }) {
  return (
    <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600">Prescriber</dt>
      <dd>{e.prescriber}</dd>
      <dt className="text-slate-600">Patient signed</dt>
      <dd>{e.patientSignedOn ?? "—"}</dd>
      <dt className="text-slate-600">Prescriber signed</dt>
      <dd>{e.prescriberSignedOn ?? "—"}</dd>
      <dt className="text-slate-600">Submitted</dt>
      <dd>{e.submittedOn ? `${e.submittedOn}${e.channel ? ` (${CHANNEL[e.channel]})` : ""}` : "—"}</dd>
      <dt className="text-slate-600">Confirmation</dt>
      <dd>{e.remsConfirmation ?? "—"}</dd>
      {e.correctionReason && (
        <>
          <dt className="text-slate-600">Reason</dt>
          <dd>{e.correctionReason}</dd>
        </>
      )}
      <dt className="text-slate-600">Recorded</dt>
      <dd>
        {e.recordedAt}
        {e.recordedBy ? ` by ${e.recordedBy}` : ""}
      </dd>
    </dl>
  );
}

function EnrollmentForm({
  patientId,
  current,
  prescribers,
  onDone,
}: {
  patientId: string;
  current: EnrollmentView | null;
  prescribers: { id: string; name: string }[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<EnrollmentInput>({
    resolver: zodResolver(enrollmentSchema) as unknown as Resolver<EnrollmentInput>,
    defaultValues: {
      prescriberId: current?.prescriberId ?? (prescribers.length === 1 ? prescribers[0].id : ""),
      patientSignedOn: current?.patientSignedOn ?? "",
      prescriberSignedOn: current?.prescriberSignedOn ?? "",
      submittedOn: current?.submittedOn ?? "",
      channel: current?.channel ?? "",
      remsConfirmation: current?.remsConfirmation ?? "",
      supersedesId: current?.id ?? "",
      correctionReason: "",
    },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson<EnrollmentInput>(`/api/patients/${patientId}/enrollments`, "POST", v, setError);
    if (!res.ok) return setFailure(res.status === 422 ? "Please correct the highlighted fields." : res.message);
    onDone();
    router.refresh();
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={current ? "Correct or renew the enrollment" : "Record the enrollment"}
      className="mt-3 grid gap-3 md:grid-cols-2"
    >
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <SelectInput label="Prescriber" hint="A psychiatrist of this patient's site." error={e.prescriberId?.message} {...register("prescriberId")}>
        <option value="">Choose…</option>
        {prescribers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Patient signed on" type="date" error={e.patientSignedOn?.message} {...register("patientSignedOn")} />
      <TextInput label="Prescriber signed on" type="date" error={e.prescriberSignedOn?.message} {...register("prescriberSignedOn")} />
      <TextInput label="Submitted to the REMS on" type="date" error={e.submittedOn?.message} {...register("submittedOn")} />
      <SelectInput label="Submitted by" error={e.channel?.message} {...register("channel")}>
        <option value="">Not yet submitted</option>
        <option value="ONLINE">Online (SPRAVATOrems.com)</option>
        <option value="FAX">Fax</option>
      </SelectInput>
      <TextInput label="REMS confirmation number" autoComplete="off" error={e.remsConfirmation?.message} {...register("remsConfirmation")} />
      {current && (
        <div className="md:col-span-2">
          <TextInput label="Reason for the correction or re-enrollment" error={e.correctionReason?.message} {...register("correctionReason")} />
        </div>
      )}
      <div className="flex gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {current ? "Save correction" : "Save enrollment"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * R6: the patient's REMS enrollment — the current Patient Enrollment Form, what it still lacks for the dosing
 * gate, the form to record or correct it, and the rows it replaced.
 */
export function RemsEnrollment({
  patientId,
  required,
  history,
  missing,
  prescribers,
  canRecord,
}: {
  patientId: string;
  required: boolean;
  history: EnrollmentView[];
  missing: string | null;
  prescribers: { id: string; name: string }[];
  canRecord: boolean;
}) {
  const [open, setOpen] = useState(false);
  const current = history.find((h) => h.current) ?? null;
  const earlier = history.filter((h) => !h.current);
  return (
    <section aria-labelledby="rems" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="rems" className="mb-2 text-lg font-semibold">
        REMS enrollment
      </h2>
      <p className="mb-2">
        <EnrollmentBadge state={!required ? "not_required" : current?.complete ? "enrolled" : "not_enrolled"} />
      </p>
      {required && !current && <p className="text-slate-700">No Patient Enrollment Form recorded.</p>}
      {current && <EnrollmentDetails e={current} />}
      {required && current && !current.complete && missing && <p className="mt-2 text-sm text-red-800">Still missing for dosing: {missing}.</p>}
      {required && canRecord && !open && (
        <div className="mt-3">
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
            {current ? "Correct or renew" : "Record enrollment"}
          </Button>
        </div>
      )}
      {required && canRecord && open && <EnrollmentForm patientId={patientId} current={current} prescribers={prescribers} onDone={() => setOpen(false)} />}
      {earlier.length > 0 && (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer py-2 font-medium">Earlier enrollments ({earlier.length})</summary>
          <ol aria-label="Earlier enrollments" className="flex flex-col gap-3">
            {earlier.map((h) => (
              <li key={h.id} className="border-t border-slate-200 pt-2">
                <EnrollmentDetails e={h} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
