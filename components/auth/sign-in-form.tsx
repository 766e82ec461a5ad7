"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { lockMessage, parseLockedError, SECOND_FACTOR_NEEDED, signInSchema, type SignInInput } from "@/lib/auth/schema";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [failed, setFailed] = useState(false);
  const [locked, setLocked] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFailed(false);
    setLocked(null);
    const res = await signIn("credentials", { ...values, otp: askCode ? (values.otp ?? "") : "", redirect: false });
    if (res?.error === SECOND_FACTOR_NEEDED) {
      setAskCode(true); // the password was right; this account also needs its code
      return;
    }
    if (!res || res.error) {
      // A lock says until when (in this device's clock); any other failure stays one generic message.
      const lock = parseLockedError(res?.error);
      if (lock) setLocked(lockMessage(lock, new Date()));
      else setFailed(true);
      return;
    }
    // A full navigation, so every server component renders for the new session.
    window.location.assign(callbackUrl);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {notice && <Alert tone="info">{notice}</Alert>}
      {failed && (
        <Alert tone="error">
          Sign-in failed. Check your email and password{askCode ? " and the code" : ""}. After several failed attempts the account is locked for 15 minutes.
        </Alert>
      )}
      {locked && <Alert tone="error">{locked}</Alert>}
      <TextInput label="Email" type="email" autoComplete="username" error={formState.errors.email?.message} {...register("email")} />
      <TextInput label="Password" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register("password")} />
      {askCode && (
        <TextInput
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          error={formState.errors.otp?.message}
          {...register("otp")}
        />
      )}
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      <Link href="/reset-password" className="inline-flex min-h-11 items-center self-center text-brand-700 underline">
        New account or forgotten password? Set a password with a code
      </Link>
    </form>
  );
}
