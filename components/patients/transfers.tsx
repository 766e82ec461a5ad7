"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { transferNoticeSchema, transferSchema, type TransferInput, type TransferNoticeInput } from "@/lib/patients/transfer-schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Transfer = {
  id: string;
  toSettingName: string;
  transferDate: string;
  remsNotifiedOn: string | null;
  notice: "notified" | "notified_late" | "not_notified";
};
const NOTICE = {
  notified: "REMS notified before the transfer",
  notified_late: "REMS notified late (on or after the transfer date)",
  not_notified: "REMS not notified yet",
} as const;

function NoticeForm({ transferId }: { transferId: string }) {
  const router = useRouter();
  const { register, handleSubmit, setError, formState } = useForm<TransferNoticeInput>({
    resolver: zodResolver(transferNoticeSchema) as unknown as Resolver<TransferNoticeInput>,
    defaultValues: { remsNotifiedOn: "" },
  });
  const [failure, setFailure] = useState<string | null>(null);
  const onSubmit = handleSubmit(async (v) => {
    const res = await submitJson<TransferNoticeInput>(`/api/transfers/${transferId}/notice`, "POST", v, setError);
    if (!res.ok) return setFailure(res.message);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="REMS notice" className="mt-2 flex flex-wrap items-end gap-3">
      <TextInput label="REMS notified on" type="date" error={formState.errors.remsNotifiedOn?.message} {...register("remsNotifiedOn")} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        Save notice date
      </Button>
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {failure}
        </p>
      )}
    </form>
  );
}

/** R42: transfers of the patient's treatment to another certified setting, and recording a new one. */
export function Transfers({ patientId, transfers, canRecord }: { patientId: string; transfers: Transfer[]; canRecord: boolean }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<TransferInput>({
    resolver: zodResolver(transferSchema) as unknown as Resolver<TransferInput>,
    defaultValues: { toSettingName: "", transferDate: "", remsNotifiedOn: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (v) => {
    setFailure(null);
    const res = await submitJson<TransferInput>(`/api/patients/${patientId}/transfers`, "POST", v, setError);
    if (!res.ok) return setFailure(res.message);
    reset();
    router.refresh();
  });
  return (
    <section aria-labelledby="transfers" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="transfers" className="mb-2 text-lg font-semibold">
        Treatment transfers
      </h2>
      {!transfers.length ? (
        <p className="text-slate-700">None.</p>
      ) : (
        <ul className="mb-3 flex flex-col gap-3">
          {transfers.map((t) => (
            <li key={t.id}>
              <p>
                <strong>{t.toSettingName}</strong> from {t.transferDate}. {NOTICE[t.notice]}
                {t.remsNotifiedOn ? ` (${t.remsNotifiedOn})` : ""}.
              </p>
              {canRecord && !t.remsNotifiedOn && <NoticeForm transferId={t.id} />}
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <form onSubmit={onSubmit} noValidate aria-label="Record a transfer" className="grid gap-3 md:grid-cols-3">
          {failure && (
            <div className="md:col-span-3">
              <Alert tone="error">{failure}</Alert>
            </div>
          )}
          <TextInput label="Certified setting taking over" error={e.toSettingName?.message} {...register("toSettingName")} />
          <TextInput label="Transfer date" type="date" error={e.transferDate?.message} {...register("transferDate")} />
          <TextInput
            label="REMS notified on"
            type="date"
            hint="Optional now; before the transfer date."
            error={e.remsNotifiedOn?.message}
            {...register("remsNotifiedOn")}
          />
          <div className="md:col-span-3">
            <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
              Record transfer
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
