import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/schema";
import { needsFirstRun } from "@/lib/setup/first-run";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic"; // it asks the database whether the first-run setup is still open

const REASONS: Record<string, string> = {
  idle: "The screen was locked after a period without activity. Sign in to continue where you were.",
  expired: "Your session reached its 12-hour limit. Sign in again to continue.",
  revoked: "You were signed out. Sign in again to continue.",
  disabled: "Your session has ended.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // An empty database offers one thing: the first-run setup (every page sends a visitor here first).
  if (await needsFirstRun()) redirect("/setup");
  const sp = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Esketamine Session Tracker</p>
      <h1 className="mb-6 mt-1 text-3xl font-semibold">Sign in</h1>
      <SignInForm
        callbackUrl={safeCallbackPath(sp.callbackUrl) ?? "/"}
        notice={
          sp.setup === "done" ? "The tracker is set up. Sign in with the administrator account you just created." : sp.reason ? REASONS[sp.reason] : undefined
        }
      />
    </main>
  );
}
