"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { requestJson, submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Props = { enabled: boolean; recoveryCodesLeft: number; setup: { secret: string; uri: string } | null };

/** Two-step sign-in: set up with an authenticator app (secret typed in), recovery codes shown once; or turn it off. */
export function TwoFactorSettings({ enabled, recoveryCodesLeft, setup }: Props) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [off, setOff] = useState(false);
  const enableForm = useForm<{ secret: string; code: string }>({ defaultValues: { secret: setup?.secret ?? "", code: "" } });
  const disableForm = useForm<{ password: string }>({ defaultValues: { password: "" } });

  const enable = enableForm.handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const res = await submitJson<{ secret: string; code: string }, { recoveryCodes: string[] }>("/api/account/two-factor", "POST", values, (...a) => {
      atField = true;
      enableForm.setError(...a);
    });
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    setCodes(res.data.recoveryCodes);
  });
  const disable = disableForm.handleSubmit(async (values) => {
    setFailure(null);
    const res = await requestJson("/api/account/two-factor", "DELETE", values);
    if (!res.ok) {
      const msg = res.fieldErrors?.password?.[0];
      if (msg) disableForm.setError("password", { type: "server", message: msg });
      else setFailure(res.message);
      return;
    }
    setOff(true);
    router.refresh();
  });

  return (
    <section aria-labelledby="two-step" className="mt-6 max-w-lg rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="two-step" className="mb-2 text-lg font-semibold">
        Two-step sign-in
      </h2>
      {failure && (
        <div className="mb-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      {codes ? (
        <Alert tone="success">
          <p>Two-step sign-in is on. Keep these recovery codes somewhere safe; each signs you in once without your phone. They are shown only now.</p>
          <ul aria-label="Recovery codes" className="my-2 grid grid-cols-2 gap-1 font-mono text-lg">
            {codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </Alert>
      ) : off ? (
        <Alert tone="success">Two-step sign-in is off.</Alert>
      ) : enabled ? (
        <form onSubmit={disable} noValidate aria-label="Turn off two-step sign-in" className="flex flex-col gap-3">
          <p>
            On: signing in needs a code from your authenticator app. {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left.
          </p>
          <TextInput
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={disableForm.formState.errors.password?.message}
            {...disableForm.register("password")}
          />
          <Button type="submit" variant="secondary" disabled={disableForm.formState.isSubmitting}>
            Turn off two-step sign-in
          </Button>
        </form>
      ) : setup ? (
        <form onSubmit={enable} noValidate aria-label="Set up two-step sign-in" className="flex flex-col gap-3">
          <p>Add an account in your authenticator app with this key (time-based, 6 digits), then enter the code it shows.</p>
          <p className="break-all font-mono text-lg" aria-label="Set-up key" data-testid="totp-secret">
            {setup.secret.match(/.{1,4}/g)!.join(" ")}
          </p>
          <input type="hidden" {...enableForm.register("secret")} />
          <TextInput
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            error={enableForm.formState.errors.code?.message}
            {...enableForm.register("code")}
          />
          <Button type="submit" disabled={enableForm.formState.isSubmitting}>
            Turn on two-step sign-in
          </Button>
        </form>
      ) : null}
    </section>
  );
}
