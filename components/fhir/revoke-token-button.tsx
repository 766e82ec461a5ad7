"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/forms/submit-json";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    const res = await requestJson("/api/admin/api-tokens/revoke", "POST", { id });
    if (!res.ok) return setError(res.message);
    setConfirming(false);
    router.refresh();
  }
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="danger" onClick={revoke} aria-label={`Revoke now: ${name}`}>
        Revoke now
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
