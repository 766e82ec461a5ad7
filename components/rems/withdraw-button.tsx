"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

export function WithdrawSetButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const withdraw = async () => {
    const res = await fetch(`/api/admin/rems/${id}`, { method: "DELETE" });
    if (!res.ok) return setFailure(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? "The server refused.");
    router.refresh();
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={withdraw} aria-label={`Withdraw the set of ${label}`}>Withdraw</Button>
      {failure && <p role="alert" className="text-sm text-red-700">{failure}</p>}
    </>
  );
}
