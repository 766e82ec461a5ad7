import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/authorize";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { TwoFactorSettings } from "@/components/auth/two-factor-settings";
import { newTotpSetup, TOTP_ROLES, totpStatus } from "@/lib/auth/totp";

export const metadata: Metadata = { title: "Your password" };

/** Every signed-in user: their own password, and only theirs. */
export default async function AccountPasswordPage() {
  const me = await requireUser();
  // Two-step sign-in is offered to psychiatrists (their password is their signature) and administrators.
  const twoStep = TOTP_ROLES.includes(me.role) ? await totpStatus(me.id) : null;
  return (
    <>
      <PageHeader title="Your password" />
      <p className="mb-4 text-slate-700">Signed in as {me.email}. Your password is also your signature: nobody else, administrators included, can set it.</p>
      <ChangePasswordForm />
      {twoStep && <TwoFactorSettings {...twoStep} setup={twoStep.enabled ? null : newTotpSetup(me.email)} />}
    </>
  );
}
