"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { changePasswordSchema, PASSWORD_MIN, type ChangePasswordInput } from "@/lib/auth/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

/** Signed in: the current password, then a new one under the policy. Other devices are signed out. */
export function ChangePasswordForm() {
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", password: "", confirm: "" },
  });
  const e = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setDone(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<ChangePasswordInput, { sessionsEnded: number }>("/api/account/password", "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    reset();
    setDone(res.data.sessionsEnded);
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Change your password"
      className="flex max-w-lg flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      {failure && <Alert tone="error">{failure}</Alert>}
      {done !== null && (
        <Alert tone="success">Your password is changed.{done ? ` ${done} other session${done === 1 ? " was" : "s were"} signed out.` : ""}</Alert>
      )}
      <TextInput label="Current password" type="password" autoComplete="current-password" error={e.currentPassword?.message} {...register("currentPassword")} />
      <TextInput
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters; not a common password, and not your name or email.`}
        error={e.password?.message}
        {...register("password")}
      />
      <TextInput label="New password again" type="password" autoComplete="new-password" error={e.confirm?.message} {...register("confirm")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
