"use client";
import { useEffect, useState } from "react";
import { fhirExportQuerySchema, type ExportType } from "@/lib/fhir/export-schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectInput, TextInput } from "@/components/ui/field";

type File = { type: ExportType; lines: number; url: string; name: string };
type Errors = Partial<Record<"site" | "from" | "to" | "form", string>>;

/** Bulk FHIR export: the files are fetched one resource type after another, each streamed, with progress. */
export function FhirExport({ sites, defaultFrom, defaultTo }: { sites: { id: string; name: string }[]; defaultFrom: string; defaultTo: string }) {
  const [site, setSite] = useState(sites[0]?.id ?? "");
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [errors, setErrors] = useState<Errors>({});
  const [sessions, setSessions] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; current?: ExportType; lines: number } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  useEffect(() => () => files.forEach((f) => URL.revokeObjectURL(f.url)), [files]);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    const parsed = fhirExportQuerySchema.safeParse({ site, from, to });
    if (!parsed.success) {
      const f = parsed.error.flatten().fieldErrors;
      return setErrors({ site: f.site?.[0], from: f.from?.[0], to: f.to?.[0] });
    }
    setErrors({});
    setFiles([]);
    const qs = new URLSearchParams({ site, from, to });
    const summary = await fetch(`/api/fhir/export?${qs}`);
    const body = await summary.json().catch(() => ({}));
    if (!summary.ok)
      return setErrors({ from: body.fieldErrors?.from?.[0], to: body.fieldErrors?.to?.[0], form: body.message ?? "The export could not start." });
    const types = body.data.types as ExportType[];
    setSessions(body.data.sessions);
    const out: File[] = [];
    for (const [i, type] of types.entries()) {
      setProgress({ done: i, total: types.length, current: type, lines: 0 });
      const res = await fetch(`/api/fhir/export?${new URLSearchParams({ site, from, to, type })}`);
      if (!res.ok || !res.body) {
        setErrors({ form: `The ${type} file failed (${res.status}).` });
        setProgress(null);
        return;
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        for (const b of value) if (b === 10) lines++;
        setProgress({ done: i, total: types.length, current: type, lines });
      }
      out.push({ type, lines, name: `${type}-${from}-to-${to}.ndjson`, url: URL.createObjectURL(new Blob(chunks, { type: "application/fhir+ndjson" })) });
    }
    setProgress({ done: types.length, total: types.length, lines: 0 });
    setFiles(out);
  }

  const running = !!progress && progress.done < progress.total;
  return (
    <div className="max-w-3xl">
      <form onSubmit={run} noValidate className="mb-6 grid gap-4 md:grid-cols-3">
        <SelectInput label="Site" value={site} onChange={(e) => setSite(e.target.value)} error={errors.site}>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectInput>
        <TextInput label="From (check-in day)" type="date" value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} />
        <TextInput label="To (check-in day)" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={errors.to} />
        <div className="md:col-span-3">
          <Button type="submit" disabled={running}>
            {running ? "Exporting…" : "Export as FHIR NDJSON"}
          </Button>
        </div>
      </form>
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {progress && (
        <section aria-labelledby="export-progress" className="mb-6">
          <h2 id="export-progress" className="mb-2 text-lg font-semibold">
            Progress
          </h2>
          <p role="status" className="mb-2">
            {sessions} session{sessions === 1 ? "" : "s"}.{" "}
            {running
              ? `File ${progress.done + 1} of ${progress.total}: ${progress.current} (${progress.lines} resources so far)`
              : `All ${progress.total} files are ready.`}
          </p>
          <progress className="h-4 w-full" max={progress.total} value={progress.done} aria-label="Files exported" />
        </section>
      )}
      {files.length > 0 && (
        <section aria-labelledby="export-files">
          <h2 id="export-files" className="mb-2 text-lg font-semibold">
            Files
          </h2>
          <ul className="flex flex-col gap-1">
            {files.map((f) => (
              <li key={f.type}>
                <a href={f.url} download={f.name} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {f.name}
                </a>
                <span className="ml-2 text-slate-700">
                  {f.lines} resource{f.lines === 1 ? "" : "s"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
