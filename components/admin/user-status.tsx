"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { userStatusSchema, type UserStatusInput } from "@/lib/users/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Props = { userId: string; name: string; disabledAt: string | null; disabledLabel: string | null; isSelf: boolean };

/** Disable or re-enable an account: a deliberate two-step action that always records a reason. */
export function UserStatus({ userId, name, disabledAt, disabledLabel, isSelf }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<UserStatusInput>({
    resolver: zodResolver(userStatusSchema),
    defaultValues: { reason: "" },
  });
  const disabled = !!disabledAt;
  const verb = disabled ? "enable" : "disable";

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<UserStatusInput, { sessionsEnded?: number }>(`/api/admin/users/${userId}/${verb}`, "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    setOpen(false);
    reset({ reason: "" });
    setDone(
      disabled
        ? `${name} can sign in again.`
        : `${name} is disabled and was signed out${res.data.sessionsEnded ? ` of ${res.data.sessionsEnded} open session${res.data.sessionsEnded === 1 ? "" : "s"}` : ""}.`,
    );
    router.refresh();
  });
  const cancel = () => {
    setOpen(false);
    setFailure(null);
    reset({ reason: "" });
  };

  return (
    <section aria-labelledby="account-status" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="account-status" className="mb-2 text-lg font-semibold">
        Account status
      </h2>
      {done && (
        <div className="mb-3">
          <Alert tone="success">{done}</Alert>
        </div>
      )}
      <p className="mb-3">
        {disabled ? <>Disabled{disabledLabel ? ` since ${disabledLabel}` : ""}: this user cannot sign in.</> : "Active: this user can sign in."}
      </p>
      {isSelf && !disabled ? (
        <p className="text-sm text-slate-700">You cannot disable your own account. Another administrator can.</p>
      ) : !open ? (
        <Button
          type="button"
          variant={disabled ? "secondary" : "danger"}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {disabled ? "Enable user" : "Disable user"}
        </Button>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={disabled ? "Enable user" : "Disable user"} className="flex flex-col gap-3">
          {failure && <Alert tone="error">{failure}</Alert>}
          {!disabled && (
            <Alert tone="warning">{name} will be signed out of every device at once and cannot sign in until an administrator enables the account again.</Alert>
          )}
          <TextInput label="Reason" hint="Kept in the audit log." autoFocus error={formState.errors.reason?.message} {...register("reason")} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant={disabled ? "primary" : "danger"} disabled={formState.isSubmitting}>{`Confirm ${verb}`}</Button>
            <Button type="button" variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
