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
import { OneTimeCode } from "./one-time-code";

type Props = { userId: string; name: string; isSelf: boolean; lockedUntilLabel: string | null };

/**
 * Password and sign-in lock of an account. The administrator never types a password: they issue a
 * one-time code and the user chooses their own. A locked account can be unlocked now, with a reason.
 */
export function UserAccess({ userId, name, isSelf, lockedUntilLabel }: Props) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [unlocked, setUnlocked] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<UserStatusInput>({ resolver: zodResolver(userStatusSchema), defaultValues: { reason: "" } });

  const issue = async () => {
    setFailure(null);
    setIssuing(true);
    const res = await submitJson<Record<string, never>, { code: string; expiresAt: string }>(`/api/admin/users/${userId}/reset-code`, "POST", {}, () => {});
    setIssuing(false);
    if (!res.ok) return setFailure(res.message);
    setIssued(res.data);
  };

  const unlock = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => { atField = true; setError(...args); };
    const res = await submitJson<UserStatusInput>(`/api/admin/users/${userId}/unlock`, "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    setUnlocking(false);
    setUnlocked(true);
    reset({ reason: "" });
    router.refresh();
  });

  return (
    <section aria-labelledby="sign-in-password" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="sign-in-password" className="mb-2 text-lg font-semibold">Sign-in and password</h2>
      {failure && <div className="mb-3"><Alert tone="error">{failure}</Alert></div>}
      {unlocked && <div className="mb-3"><Alert tone="success">{name} is unlocked and can sign in again.</Alert></div>}
      {lockedUntilLabel && (
        <div className="mb-4">
          <p className="mb-2">Locked after too many failed sign-ins, until {lockedUntilLabel}.</p>
          {!unlocking ? (
            <Button type="button" variant="secondary" onClick={() => { setUnlocked(false); setUnlocking(true); }}>Unlock now</Button>
          ) : (
            <form onSubmit={unlock} noValidate aria-label="Unlock account" className="flex flex-col gap-3">
              <TextInput label="Reason for unlocking" hint="Kept in the audit log." autoFocus error={formState.errors.reason?.message} {...register("reason")} />
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={formState.isSubmitting}>Confirm unlock</Button>
                <Button type="button" variant="secondary" onClick={() => { setUnlocking(false); reset({ reason: "" }); }}>Cancel</Button>
              </div>
            </form>
          )}
        </div>
      )}
      {isSelf ? (
        <p className="text-sm text-slate-700">Change your own password from <a href="/account/password" className="text-brand-700 underline">your account</a>.</p>
      ) : issued ? (
        <OneTimeCode name={name} code={issued.code} expiresAt={issued.expiresAt} />
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            Nobody sets another person&apos;s password. A one-time code lets {name} choose a new one; any earlier code stops
            working, and when the code is used {name} is signed out everywhere.
          </p>
          <Button type="button" variant="secondary" disabled={issuing} onClick={issue}>{issuing ? "Issuing…" : "Issue a one-time password code"}</Button>
        </>
      )}
    </section>
  );
}
