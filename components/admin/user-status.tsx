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

/** Disable (or re-enable) a user: a deliberate two-step action with a required reason. */
export function UserStatus({ userId, disabled }: { userId: string; disabled: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<UserStatusInput>({ resolver: zodResolver(userStatusSchema), defaultValues: { disabled: !disabled, reason: "" } });
  const verb = disabled ? "enable" : "disable";
  const onSubmit = handleSubmit(async (values) => {
    const res = await submitJson(`/api/admin/users/${userId}/status`, "POST", values, setError);
    if (res.ok) { setOpen(false); router.refresh(); } else if (res.status !== 422) setFailure(res.message);
  });
  return (
    <section aria-labelledby="status" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="status" className="text-lg font-semibold">Account status</h2>
      <p className="mb-3">{disabled ? "This account is disabled: the user cannot sign in." : "This account is active."}</p>
      {!open ? (
        <Button type="button" variant={disabled ? "secondary" : "danger"} onClick={() => setOpen(true)}>{disabled ? "Enable user" : "Disable user"}</Button>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
          {failure && <Alert tone="error">{failure}</Alert>}
          {!disabled && <Alert tone="warning">Disabling signs the user out everywhere at once.</Alert>}
          <TextInput label="Reason" error={formState.errors.reason?.message} {...register("reason")} />
          <div className="flex gap-2">
            <Button type="submit" variant={disabled ? "primary" : "danger"} disabled={formState.isSubmitting}>{`Confirm ${verb}`}</Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </section>
  );
}
