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

type Props = { userId: string; name: string; isSelf: boolean; lockedUntilLabel: string | null; secondFactorOn: boolean };

/**
 * Password and sign-in lock of an account. The administrator never types a password: they issue a
 * one-time code and the user chooses their own. A locked account can be unlocked now, and a lost second
 * factor turned off, each with a reason.
 */
export function UserAccess({ userId, name, isSelf, lockedUntilLabel, secondFactorOn }: Props) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const issue = async () => {
    setFailure(null);
    setIssuing(true);
    const res = await submitJson<Record<string, never>, { code: string; expiresAt: string }>(`/api/admin/users/${userId}/reset-code`, "POST", {}, () => {});
    setIssuing(false);
    if (!res.ok) return setFailure(res.message);
    setIssued(res.data);
  };

  return (
    <section aria-labelledby="sign-in-password" className="mt-6 max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="sign-in-password" className="mb-2 text-lg font-semibold">
        Sign-in and password
      </h2>
      {failure && (
        <div className="mb-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      {done && (
        <div className="mb-3">
          <Alert tone="success">{done}</Alert>
        </div>
      )}
      {lockedUntilLabel && (
        <div className="mb-4">
          <p className="mb-2">Locked after too many failed sign-ins, until {lockedUntilLabel}.</p>
          <ReasonAction
            url={`/api/admin/users/${userId}/unlock`}
            open="Unlock now"
            confirm="Confirm unlock"
            label="Reason for unlocking"
            onDone={() => {
              setDone(`${name} is unlocked and can sign in again.`);
              router.refresh();
            }}
          />
        </div>
      )}
      {secondFactorOn && !isSelf && (
        <div className="mb-4">
          <p className="mb-2">
            Two-step sign-in is on. If {name} lost their authenticator and has no recovery code left, turn it off: their sessions end and they sign in with the
            password, then set it up again.
          </p>
          <ReasonAction
            url={`/api/admin/users/${userId}/reset-second-factor`}
            open="Turn off two-step sign-in"
            confirm="Confirm: turn it off"
            label="Reason (how you checked who asked)"
            onDone={() => {
              setDone(`Two-step sign-in is off for ${name}; they were signed out everywhere.`);
              router.refresh();
            }}
          />
        </div>
      )}
      {isSelf ? (
        <p className="text-sm text-slate-700">
          Change your own password from{" "}
          <a href="/account/password" className="text-brand-700 underline">
            your account
          </a>
          .
        </p>
      ) : issued ? (
        <OneTimeCode name={name} code={issued.code} expiresAt={issued.expiresAt} />
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            Nobody sets another person&apos;s password. A one-time code lets {name} choose a new one; any earlier code stops working, and when the code is used{" "}
            {name} is signed out everywhere.
          </p>
          <Button type="button" variant="secondary" disabled={issuing} onClick={issue}>
            {issuing ? "Issuing…" : "Issue a one-time password code"}
          </Button>
        </>
      )}
    </section>
  );
}

/** A button that opens a reason form (kept in the audit log) posting to `url`, with Cancel. */
function ReasonAction({ url, open, confirm, label, onDone }: { url: string; open: string; confirm: string; label: string; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<UserStatusInput>({
    resolver: zodResolver(userStatusSchema),
    defaultValues: { reason: "" },
  });
  const submit = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<UserStatusInput>(url, "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    setOpened(false);
    reset({ reason: "" });
    onDone();
  });
  if (!opened)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpened(true)}>
        {open}
      </Button>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={open} className="flex flex-col gap-3">
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextInput label={label} hint="Kept in the audit log." autoFocus error={formState.errors.reason?.message} {...register("reason")} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {confirm}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setOpened(false);
            reset({ reason: "" });
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
