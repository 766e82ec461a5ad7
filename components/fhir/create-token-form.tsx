"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createApiTokenSchema } from "@/lib/auth/api-token-schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/forms/submit-json";
import { Checkbox, TextInput } from "@/components/ui/field";

type Errors = Partial<Record<"name" | "siteIds" | "form", string>>;

/** Creates a read-only token; its secret is shown here once and never again. */
export function CreateTokenForm({ sites }: { sites: { id: string; name: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Uncontrolled fields read at submit: what was typed before the page became interactive is kept.
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const parsed = createApiTokenSchema.safeParse({ name: fd.get("name"), siteIds: fd.getAll("siteIds") });
    if (!parsed.success) {
      const f = parsed.error.flatten().fieldErrors;
      return setErrors({ name: f.name?.[0], siteIds: f.siteIds?.[0] });
    }
    setBusy(true);
    setErrors({});
    const res = await requestJson<{ secret: string }>("/api/admin/api-tokens", "POST", parsed.data);
    setBusy(false);
    if (!res.ok) return setErrors({ name: res.fieldErrors?.name?.[0], siteIds: res.fieldErrors?.siteIds?.[0], form: res.message });
    setSecret(res.data.secret);
    form.reset();
    router.refresh();
  }

  return (
    <section aria-labelledby="new-token" className="mb-8 max-w-2xl rounded-md border border-slate-300 p-4">
      <h2 id="new-token" className="mb-3 text-lg font-semibold">
        New token
      </h2>
      {secret && (
        <div className="mb-4">
          <Alert tone="success">
            <p className="font-medium">Copy this token now: it is shown only once.</p>
            <p className="mt-2 break-all font-mono text-sm" data-testid="new-token-secret">
              {secret}
            </p>
            <p className="mt-2 text-sm">
              The client sends it as <code>Authorization: Bearer …</code> to the FHIR read routes of the chosen sites.
            </p>
          </Alert>
        </div>
      )}
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextInput label="Client name" name="name" error={errors.name} hint="Which system uses it, e.g. the EHR interface engine" autoComplete="off" />
        <fieldset className="flex flex-col gap-1" aria-describedby={errors.siteIds ? "token-sites-error" : undefined}>
          <legend className="font-medium">Sites it may read</legend>
          {sites.map((s) => (
            <Checkbox key={s.id} label={s.name} name="siteIds" value={s.id} defaultChecked={sites.length === 1} />
          ))}
          {errors.siteIds && (
            <p id="token-sites-error" role="alert" className="text-sm font-medium text-red-700">
              {errors.siteIds}
            </p>
          )}
        </fieldset>
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </section>
  );
}
