"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { siteCreateSchema, type SiteCreateInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { newSiteDefaults, SiteSettingsFields } from "./site-fields";

const resolver = zodResolver(siteCreateSchema) as unknown as Resolver<SiteCreateInput>;

export function NewSiteForm({ today, timeZones }: { today: string; timeZones: string[] }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<SiteCreateInput>({
    resolver,
    defaultValues: newSiteDefaults(today) as SiteCreateInput,
  });

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      let atField = false;
      const setFieldError: typeof setError = (...args) => {
        atField = true;
        setError(...args);
      };
      const res = await submitJson<SiteCreateInput, { id: string }>("/api/admin/sites", "POST", values, setFieldError);
      if (!res.ok) return setFailure(atField ? "Please correct the highlighted fields." : res.message);
      router.push(`/admin/sites/${res.data.id}?created=1`);
    },
    () => setFailure("Please correct the highlighted fields."),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="New site" className="flex max-w-4xl flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {failure && <Alert tone="error">{failure}</Alert>}
      <SiteSettingsFields register={register as never} control={control as never} errors={formState.errors} timeZones={timeZones} isNew />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create site"}
        </Button>
      </div>
    </form>
  );
}
