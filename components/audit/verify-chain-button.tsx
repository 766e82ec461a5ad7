"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { requestJson } from "@/components/forms/submit-json";

// The server words the result (lib/audit/data.ts describeChainReport): the chain walk, then the anchors.
type Result = { intact: boolean; rows: number; messages: string[] };

export function VerifyChainButton() {
  const [state, setState] = useState<"idle" | "running" | Result | "error">("idle");
  async function verify() {
    setState("running");
    const res = await requestJson<Result>("/api/admin/audit/verify", "POST");
    setState(res.ok ? res.data : "error");
  }
  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="secondary" onClick={verify} disabled={state === "running"}>
        {state === "running" ? "Verifying…" : "Verify chain"}
      </Button>
      {typeof state === "object" && (
        <Alert tone={state.intact ? "success" : "error"}>
          {state.messages.map((m) => (
            <span key={m} className="block">
              {m}
            </span>
          ))}
        </Alert>
      )}
      {state === "error" && <Alert tone="error">The check could not be run. Try again.</Alert>}
    </div>
  );
}
