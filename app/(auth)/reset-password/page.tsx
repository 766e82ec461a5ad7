import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Set a password with a code" };

// Reached signed out: a new account, or a forgotten password, with the one-time code an administrator issued.
export default function ResetPasswordPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Esketamine Session Tracker</p>
      <h1 className="mb-2 mt-1 text-3xl font-semibold">Set a password with a code</h1>
      <p className="mb-6 text-slate-700">Only you know your password. An administrator gives you a one-time code; it works once, for 24 hours.</p>
      <ResetPasswordForm />
      <p className="mt-4">
        <Link href="/sign-in" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Back to sign-in
        </Link>
      </p>
    </main>
  );
}
