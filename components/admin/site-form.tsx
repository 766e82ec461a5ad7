"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { siteSchema, type SiteInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { SiteSettingsFields } from "./site-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

// `version` is a value of the form but not a field: it comes with the loaded site and goes back with each save.
type Values = SiteInput;
const resolver = zodResolver(siteSchema) as unknown as Resolver<Values>;

/**
 * The site's settings. Saves send the version the form was loaded at (409 if stale). When the page
 * reloads with a newer version (after a save or a change of representative), the form takes the new values.
 */
export function SiteForm({ siteId, initial, timeZones }: { siteId: string; initial: Values & { version: number }; timeZones: string[] }) {
  const loadedVersion = initial.version;
  const router = useRouter();
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(loadedVersion);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<Values>({ resolver, defaultValues: initial });
  const e = formState.errors;

  // A newer version from the server than the one this form holds (the representative form, say)
  // replaces the values. This form's own save is not one: what the person typed since stays.
  const held = useRef(loadedVersion);
  useEffect(() => {
    if (loadedVersion <= held.current) return;
    held.current = loadedVersion;
    setVersion(loadedVersion);
    reset(initial);
    // Keyed on the version alone, on purpose: only a new version means new values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedVersion]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<Values, { version: number }>(`/api/admin/sites/${siteId}`, "PATCH", { ...values, version }, setFieldError);
    if (!res.ok) {
      setFailure(atField ? { message: "Please correct the highlighted fields.", conflict: false } : { message: res.message, conflict: res.status === 409 });
      return;
    }
    held.current = Math.max(held.current, res.data.version);
    setVersion(res.data.version);
    setSaved(true);
    router.refresh();
  });

  const zones = timeZones.includes(String(initial.timeZone)) ? timeZones : [String(initial.timeZone), ...timeZones];

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Site settings" className="flex max-w-4xl flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {failure && (
        <Alert tone="error">
          <p>{failure.message}</p>
          {failure.conflict && (
            <Button type="button" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
              Reload
            </Button>
          )}
        </Alert>
      )}
      {saved && <Alert tone="success">Site settings saved.</Alert>}

      <SiteSettingsFields register={register as never} control={control as never} errors={e} timeZones={zones} />

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save site"}
        </Button>
      </div>
    </form>
  );
}
