"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Result = { intact: true; rows: number } | { intact: false; rows: number; firstBrokenId: string; problem: string };

export function VerifyChainButton() {
  const [state, setState] = useState<"idle" | "running" | Result | "error">("idle");
  async function verify() {
    setState("running");
    const res = await fetch("/api/admin/audit/verify", { method: "POST" }).catch(() => null);
    const json = res && res.ok ? ((await res.json()) as { data: Result }) : null;
    setState(json ? json.data : "error");
  }
  return (
    <div className="flex flex-col gap-2">
      <Button type="button" variant="secondary" onClick={verify} disabled={state === "running"}>
        {state === "running" ? "Verifying…" : "Verify chain"}
      </Button>
      {typeof state === "object" && state.intact && <Alert tone="success">Intact: all {state.rows} rows verified.</Alert>}
      {typeof state === "object" && !state.intact && (
        <Alert tone="error">Broken at row {state.firstBrokenId} ({state.problem.replaceAll("_", " ")}); the {state.rows} rows before it are intact.</Alert>
      )}
      {state === "error" && <Alert tone="error">The check could not be run. Try again.</Alert>}
    </div>
  );
}
