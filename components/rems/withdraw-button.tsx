"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/forms/submit-json";

/** Withdraws a future parameter set after a confirmation that names it; Cancel leaves it in place. */
export function WithdrawSetButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const withdraw = async () => {
    const res = await requestJson(`/api/admin/rems/${id}`, "DELETE");
    if (!res.ok) return setFailure(res.message);
    setConfirming(false);
    router.refresh();
  };
  if (!confirming)
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Withdraw the set of ${label}`}>
        Withdraw
      </Button>
    );
  return (
    <div role="group" aria-label={`Withdraw the set of ${label}?`} className="flex flex-col gap-2">
      <p className="font-normal">Withdraw the set taking effect on {label}?</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="danger" onClick={withdraw}>
          Confirm withdrawal
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setConfirming(false);
            setFailure(null);
          }}
        >
          Cancel
        </Button>
      </div>
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {failure}
        </p>
      )}
    </div>
  );
}
