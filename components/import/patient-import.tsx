"use client";
import { useState } from "react";
import { SelectInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import type { ImportCheck } from "@/lib/patients/import";

type Site = { id: string; name: string };
type Phase =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "checked"; check: ImportCheck }
  | { kind: "importing"; done: number; total: number; check: ImportCheck }
  | { kind: "done"; imported: number; enrollments: number }
  | { kind: "failed"; message: string; check?: ImportCheck };

/** Upload a CSV, see the dry run (an error per row and field), then import all or nothing with progress. */
export function PatientImport({ sites }: { sites: Site[] }) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const send = (mode: "preview" | "import") => {
    const body = new FormData();
    body.append("file", file!);
    return fetch(`/api/admin/patients/import?siteId=${encodeURIComponent(siteId)}&mode=${mode}`, { method: "POST", body });
  };
  const failure = async (res: Response) => {
    const json = (await res.json().catch(() => null)) as { message?: string; details?: ImportCheck } | null;
    setPhase({ kind: "failed", message: json?.message ?? `The server refused the file (${res.status}).`, check: json?.details });
  };

  const preview = async () => {
    if (!file) return setPhase({ kind: "failed", message: "Choose a CSV file first." });
    setPhase({ kind: "checking" });
    const res = await send("preview").catch(() => null);
    if (!res) return setPhase({ kind: "failed", message: "No connection to the server." });
    if (!res.ok) return failure(res);
    setPhase({ kind: "checked", check: ((await res.json()) as { data: ImportCheck }).data });
  };

  const runImport = async (check: ImportCheck) => {
    setPhase({ kind: "importing", done: 0, total: check.valid, check });
    const res = await send("import").catch(() => null);
    if (!res) return setPhase({ kind: "failed", message: "No connection to the server: nothing was imported." });
    if (!res.ok || !res.body) return failure(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const l of lines.filter(Boolean)) {
        const msg = JSON.parse(l) as { done?: number; total?: number; ok?: boolean; data?: { imported: number; enrollments: number }; message?: string };
        if (msg.ok === true && msg.data) setPhase({ kind: "done", ...msg.data });
        else if (msg.ok === false) setPhase({ kind: "failed", message: msg.message ?? "Nothing was imported." });
        else if (msg.total !== undefined) setPhase({ kind: "importing", done: msg.done ?? 0, total: msg.total, check });
      }
    }
  };

  const check = "check" in phase ? phase.check : undefined;
  return (
    <div className="flex max-w-4xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6">
      <SelectInput
        label="Site"
        value={siteId}
        onChange={(e) => {
          setSiteId(e.target.value);
          setPhase({ kind: "idle" });
        }}
      >
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectInput>
      <div className="flex flex-col gap-1">
        <label htmlFor="import-file" className="font-medium">
          CSV file
        </label>
        <p id="import-file-hint" className="text-sm text-slate-600">
          At most 5 MB. The first line names the columns.
        </p>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="import-file-hint"
          className="min-h-11"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPhase({ kind: "idle" });
          }}
        />
      </div>
      <div>
        <Button type="button" variant="secondary" onClick={preview} disabled={phase.kind === "checking" || phase.kind === "importing"}>
          {phase.kind === "checking" ? "Checking…" : "Check the file"}
        </Button>
      </div>

      {phase.kind === "failed" && <Alert tone="error">{phase.message}</Alert>}
      {check && (
        <section aria-label="Check of the file" className="flex flex-col gap-3">
          <p>
            <strong>{check.total}</strong> rows: <strong>{check.valid}</strong> ready to import
            {check.errorCount ? (
              <>
                , <strong className="text-red-800">{check.errorCount}</strong> problem{check.errorCount === 1 ? "" : "s"}
              </>
            ) : null}
            .
          </p>
          {!!check.errors.length && (
            <div className="max-h-96 overflow-auto rounded-md border border-red-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Problems in the file</caption>
                <thead className="bg-red-50">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Line
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Column
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Problem
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {check.errors.map((e, i) => (
                    <tr key={i} className="border-t border-red-100">
                      <td className="px-3 py-1 tabular-nums">{e.line}</td>
                      <td className="px-3 py-1">{e.field}</td>
                      <td className="px-3 py-1">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {check.errorCount > check.errors.length && <p className="px-3 py-2 text-sm">… and {check.errorCount - check.errors.length} more.</p>}
            </div>
          )}
          {phase.kind === "checked" && !check.errorCount && check.valid > 0 && (
            <div>
              <Button type="button" onClick={() => runImport(check)}>{`Import ${check.valid} patient${check.valid === 1 ? "" : "s"}`}</Button>
            </div>
          )}
          {phase.kind === "checked" && !!check.errorCount && <p>Correct the file and check it again: an import brings in every row or none.</p>}
        </section>
      )}
      {phase.kind === "importing" && (
        <div>
          <label htmlFor="import-progress" className="font-medium">
            Importing…
          </label>
          <progress id="import-progress" className="block w-full" max={phase.total} value={phase.done} aria-valuetext={`${phase.done} of ${phase.total}`} />
          <p className="text-sm tabular-nums">
            {phase.done} of {phase.total}
          </p>
        </div>
      )}
      {phase.kind === "done" && (
        <Alert tone="success">{`Imported ${phase.imported} patient${phase.imported === 1 ? "" : "s"}${phase.enrollments ? ` and ${phase.enrollments} REMS enrollment${phase.enrollments === 1 ? "" : "s"}` : ""}.`}</Alert>
      )}
    </div>
  );
}
