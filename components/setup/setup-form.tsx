"use client";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { firstRunSchema, type FirstRunInput } from "@/lib/setup/schema";
import { PASSWORD_MIN } from "@/lib/auth/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Group, newSiteDefaults, SiteSettingsFields } from "@/components/admin/site-fields";

const resolver = zodResolver(firstRunSchema) as unknown as Resolver<FirstRunInput>;

export function SetupForm({ today, timeZones }: { today: string; timeZones: string[] }) {
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<FirstRunInput>({
    resolver,
    defaultValues: { admin: { firstName: "", lastName: "", email: "", telephone: "", password: "" }, site: newSiteDefaults(today) as FirstRunInput["site"] },
  });
  const e = formState.errors.admin;

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      let atField = false;
      const setFieldError: typeof setError = (...args) => {
        atField = true;
        setError(...args);
      };
      const res = await submitJson<FirstRunInput>("/api/setup", "POST", values, setFieldError);
      if (!res.ok) return setFailure(atField ? "Please correct the highlighted fields." : res.message);
      window.location.assign(`/sign-in?setup=done&email=${encodeURIComponent(values.admin.email)}`);
    },
    () => setFailure("Please correct the highlighted fields."),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="First run setup" className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {failure && <Alert tone="error">{failure}</Alert>}
      <Group title="First administrator" note="This account manages sites, staff, inventory and REMS reporting. It does not treat patients.">
        <TextInput label="First name" autoComplete="given-name" error={e?.firstName?.message} {...register("admin.firstName")} />
        <TextInput label="Last name" autoComplete="family-name" error={e?.lastName?.message} {...register("admin.lastName")} />
        <TextInput label="Email" type="email" autoComplete="username" error={e?.email?.message} {...register("admin.email")} />
        <TextInput label="Telephone" type="tel" hint="Optional." error={e?.telephone?.message} {...register("admin.telephone")} />
        <TextInput
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          error={e?.password?.message}
          {...register("admin.password")}
        />
      </Group>
      <SiteSettingsFields register={register as never} control={control as never} errors={formState.errors} prefix="site." timeZones={timeZones} isNew />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Setting up…" : "Create administrator and site"}
        </Button>
      </div>
    </form>
  );
}
