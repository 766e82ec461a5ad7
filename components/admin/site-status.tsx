"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { requestJson } from "@/components/forms/submit-json";

/** Deactivate or reactivate a site: a deliberate two-step action. History stays; no new sessions while inactive. */
export function SiteStatus({ siteId, name, deactivatedLabel }: { siteId: string; name: string; deactivatedLabel: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = !deactivatedLabel;

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const res = await requestJson(`/api/admin/sites/${siteId}/status`, "POST", { active: !active });
    setBusy(false);
    if (!res.ok) return setFailure(res.message);
    setConfirming(false);
    router.refresh();
  };

  return (
    <section aria-labelledby="site-status" className="mt-6 max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="site-status" className="mb-2 text-lg font-semibold">
        Site status
      </h2>
      {failure && (
        <div className="mb-3">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <p className="mb-3">{active ? "Active: sessions can be started here." : `Deactivated on ${deactivatedLabel}: no new sessions; its records are kept.`}</p>
      {!confirming ? (
        <Button type="button" variant={active ? "danger" : "secondary"} onClick={() => setConfirming(true)}>
          {active ? "Deactivate site" : "Reactivate site"}
        </Button>
      ) : (
        <div className="flex flex-col gap-3">
          {active && <Alert tone="warning">{name} will take no new sessions and disappear from the pickers. Its patients, sessions and forms are kept.</Alert>}
          <div className="flex flex-wrap gap-3">
            <Button type="button" variant={active ? "danger" : "primary"} disabled={busy} onClick={submit}>
              {active ? "Confirm deactivation" : "Confirm reactivation"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
