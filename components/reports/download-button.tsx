"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  label: string;
  /** The export route; its query comes from `params` or from the fields of the form with id `form`. */
  action: string;
  params?: Record<string, string | undefined>;
  form?: string;
  /** CSV counts rows (lines after the header); a PDF counts bytes. */
  unit: "rows" | "bytes";
  variant?: "primary" | "secondary";
};

type State =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number | null; bytes: number }
  | { phase: "done"; done: number; bytes: number }
  | { phase: "failed"; message: string };

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} kB`;

function fileName(res: Response, fallback: string) {
  const m = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "");
  return m?.[1] ?? fallback;
}

/**
 * A large export shows its progress: HEAD asks the route how many rows to expect, then the body is
 * read as a stream (rows or bytes counted as they arrive) and saved as a file when complete.
 */
export function DownloadButton({ label, action, params, form, unit, variant = "primary" }: Props) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const run = async () => {
    const query = new URLSearchParams();
    if (form) {
      const el = document.getElementById(form) as HTMLFormElement | null;
      if (el) for (const [k, v] of new FormData(el)) if (typeof v === "string" && v) query.set(k, v);
    }
    for (const [k, v] of Object.entries(params ?? {})) if (v) query.set(k, v);
    const url = `${action}?${query}`;
    setState({ phase: "running", done: 0, total: null, bytes: 0 });
    try {
      const head = await fetch(url, { method: "HEAD" }).catch(() => null);
      const total = head?.ok && head.headers.get("x-row-count") ? Number(head.headers.get("x-row-count")) : null;
      const res = await fetch(url);
      if (!res.ok) {
        const json = (await res.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
        const fields = Object.values(json?.fieldErrors ?? {}).flat();
        setState({ phase: "failed", message: [json?.message ?? `The server refused the export (${res.status}).`, ...fields].join(" ") });
        return;
      }
      const reader = res.body!.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.length;
        if (unit === "rows") for (const b of value) if (b === 10) lines++;
        setState({ phase: "running", done: Math.max(0, lines - 1), total, bytes });
      }
      const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = fileName(res, unit === "rows" ? "export.csv" : "export.pdf");
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
      setState({ phase: "done", done: Math.max(0, lines - 1), bytes });
    } catch {
      setState({ phase: "failed", message: "The download was interrupted. Check the connection and try again." });
    }
  };
  const running = state.phase === "running";
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" variant={variant} onClick={run} disabled={running}>
        {label}
      </Button>
      <div role="status" aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {state.phase === "running" && (
          <span className="flex items-center gap-2">
            {unit === "rows" && state.total ? (
              <progress aria-label={`${label} progress`} max={state.total} value={Math.min(state.done, state.total)} className="h-2 w-28" />
            ) : (
              <progress aria-label={`${label} progress`} className="h-2 w-28" />
            )}
            {unit === "rows"
              ? `${state.done}${state.total != null ? ` of ${state.total}` : ""} rows`
              : `${kb(state.bytes)}${state.total != null ? ` · ${state.total} forms` : ""}`}
          </span>
        )}
        {state.phase === "done" && (unit === "rows" ? `Downloaded ${state.done} rows.` : `Downloaded ${kb(state.bytes)}.`)}
        {state.phase === "failed" && <span className="font-medium text-red-700">{state.message}</span>}
      </div>
    </div>
  );
}
