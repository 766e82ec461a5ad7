"use client";
import { Alert } from "@/components/ui/alert";
import { formatDateTime, viewerZone } from "@/lib/time/format";

/** A one-time code, shown once to the administrator who issued it, with what to do with it. */
export function OneTimeCode({ name, code, expiresAt }: { name: string; code: string; expiresAt: string }) {
  const until = formatDateTime(expiresAt, viewerZone(), { zone: true });
  return (
    <Alert tone="success">
      <p>Give this one-time code to {name} in person or by phone. It is shown only now.</p>
      <p className="my-2 font-mono text-2xl font-semibold tracking-wider" aria-label="One-time code" data-testid="one-time-code">
        {code}
      </p>
      <p className="text-sm">
        {name} opens <strong>/reset-password</strong> (the “Set a password with a code” link on the sign-in page), enters their email, this code and a password
        of their own. The code works once, until {until}.
      </p>
    </Alert>
  );
}
