"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiTokenSchema } from "@/lib/auth/api-token-schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, TextInput } from "@/components/ui/field";

type Errors = Partial<Record<"name" | "siteIds" | "form", string>>;

/** Creates a read-only token; its secret is shown here once and never again. */
export function CreateTokenForm({ sites }: { sites: { id: string; name: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [siteIds, setSiteIds] = useState<string[]>(sites.length === 1 ? [sites[0].id] : []);
  const [errors, setErrors] = useState<Errors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createApiTokenSchema.safeParse({ name, siteIds });
    if (!parsed.success) {
      const f = parsed.error.flatten().fieldErrors;
      return setErrors({ name: f.name?.[0], siteIds: f.siteIds?.[0] });
    }
    setBusy(true);
    setErrors({});
    const res = await fetch("/api/admin/api-tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(parsed.data) });
    const body = await res.json().catch(() => ({}));
    setBusy(false);
    if (!res.ok) return setErrors({ name: body.fieldErrors?.name?.[0], siteIds: body.fieldErrors?.siteIds?.[0], form: body.message ?? "The token was not created." });
    setSecret(body.data.secret);
    setName("");
    router.refresh();
  }

  return (
    <section aria-labelledby="new-token" className="mb-8 max-w-2xl rounded-md border border-slate-300 p-4">
      <h2 id="new-token" className="mb-3 text-lg font-semibold">New token</h2>
      {secret && (
        <div className="mb-4">
          <Alert tone="success">
            <p className="font-medium">Copy this token now: it is shown only once.</p>
            <p className="mt-2 break-all font-mono text-sm" data-testid="new-token-secret">{secret}</p>
            <p className="mt-2 text-sm">The client sends it as <code>Authorization: Bearer …</code> to the FHIR read routes of the chosen sites.</p>
          </Alert>
        </div>
      )}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextInput label="Client name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} hint="Which system uses it, e.g. the EHR interface engine" autoComplete="off" />
        <fieldset className="flex flex-col gap-1" aria-describedby={errors.siteIds ? "token-sites-error" : undefined}>
          <legend className="font-medium">Sites it may read</legend>
          {sites.map((s) => (
            <Checkbox key={s.id} label={s.name} checked={siteIds.includes(s.id)}
              onChange={(e) => setSiteIds((ids) => (e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id)))} />
          ))}
          {errors.siteIds && <p id="token-sites-error" role="alert" className="text-sm font-medium text-red-700">{errors.siteIds}</p>}
        </fieldset>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div><Button type="submit" disabled={busy}>{busy ? "Creating…" : "Create token"}</Button></div>
      </form>
    </section>
  );
}
