"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_MIN, resetWithCodeSchema, type ResetWithCodeInput } from "@/lib/auth/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

const POLICY = `At least ${PASSWORD_MIN} characters; not a common password, and not your name or email. A few unrelated words make a good one.`;

/** Signed out: email, the one-time code an administrator gave, and a new password chosen by the user alone. */
export function ResetPasswordForm() {
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<ResetWithCodeInput>({
    resolver: zodResolver(resetWithCodeSchema),
    defaultValues: { email: "", code: "", password: "", confirm: "" },
  });
  const e = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<ResetWithCodeInput>("/api/password/reset", "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.status === 429 ? "Too many failed attempts. Wait a few minutes, then try again." : res.message);
      return;
    }
    setDone(true);
  });

  if (done)
    return (
      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <Alert tone="success">Your new password is set. You were signed out on every device; sign in with the new password.</Alert>
        <a href="/sign-in" className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 font-medium text-white">
          Sign in
        </a>
      </div>
    );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Set a new password"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextInput label="Email" type="email" autoComplete="username" error={e.email?.message} {...register("email")} />
      <TextInput
        label="One-time code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        hint="The code your administrator gave you, e.g. 7KQ2M-…"
        error={e.code?.message}
        {...register("code")}
      />
      <TextInput label="New password" type="password" autoComplete="new-password" hint={POLICY} error={e.password?.message} {...register("password")} />
      <TextInput label="New password again" type="password" autoComplete="new-password" error={e.confirm?.message} {...register("confirm")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
