"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { createUserSchema, ROLE_LABELS, updateUserSchema, type CreateUserInput } from "@/lib/users/schema";
import { OneTimeCode } from "./one-time-code";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Site = { id: string; name: string };
type Existing = {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  email: string;
  role: keyof typeof ROLE_LABELS;
  telephone: string;
  siteIds: string[];
};
type Values = CreateUserInput;

// The version is not a field a person edits: the form keeps it and sends it with each save.
const editSchema = updateUserSchema.omit({ version: true });

/** Creates a user, or edits one sending the version it was loaded at (a stale save is a 409). */
export function UserForm({ sites, existing }: { sites: Site[]; existing?: Existing }) {
  const router = useRouter();
  const editing = !!existing;
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [created, setCreated] = useState<{ id: string; name: string; code: string; expiresAt: string } | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<Values>({
    resolver: zodResolver(editing ? editSchema : createUserSchema) as unknown as Resolver<Values>,
    defaultValues: existing
      ? {
          firstName: existing.firstName,
          lastName: existing.lastName,
          email: existing.email,
          role: existing.role,
          telephone: existing.telephone,
          siteIds: existing.siteIds,
        }
      : { firstName: "", lastName: "", email: "", role: undefined, telephone: "", siteIds: [] },
  });
  const e = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    type Saved = { id: string; version: number; code?: string; expiresAt?: string };
    const res = existing
      ? await submitJson<Values, Saved>(`/api/admin/users/${existing.id}`, "PATCH", { ...values, version }, setFieldError)
      : await submitJson<Values, Saved>("/api/admin/users", "POST", values, setFieldError);
    if (!res.ok) {
      // Messages that belong to a field are shown there; anything else (a conflict, a refusal) on top.
      if (!atField) setFailure({ message: res.message, conflict: res.status === 409 });
      return;
    }
    if (existing) {
      setVersion(res.data.version);
      setSaved(true);
      router.refresh();
    } else {
      // The new account has no password yet: its one-time code is shown here, once.
      setCreated({ id: res.data.id, name: `${values.firstName} ${values.lastName}`.trim(), code: res.data.code!, expiresAt: res.data.expiresAt! });
    }
  });

  if (created)
    return (
      <section aria-label="User created" className="flex max-w-3xl flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6">
        <OneTimeCode name={created.name} code={created.code} expiresAt={created.expiresAt} />
        <Link
          href={`/admin/users?created=${encodeURIComponent(created.id)}`}
          className="inline-flex min-h-11 items-center self-start rounded-md bg-brand-700 px-4 font-medium text-white"
        >
          Done: I have given the code
        </Link>
      </section>
    );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? "Edit user" : "New user"}
      className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
    >
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">
            <p>{failure.message}</p>
            {failure.conflict && (
              <Button type="button" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
                Reload
              </Button>
            )}
          </Alert>
        </div>
      )}
      {saved && (
        <div className="md:col-span-2">
          <Alert tone="success">Changes saved.</Alert>
        </div>
      )}
      <TextInput label="First name" autoComplete="off" error={e.firstName?.message} {...register("firstName")} />
      <TextInput label="Last name" autoComplete="off" error={e.lastName?.message} {...register("lastName")} />
      <TextInput label="Email" type="email" autoComplete="off" error={e.email?.message} {...register("email")} />
      <TextInput
        label="Telephone"
        type="tel"
        autoComplete="off"
        hint="The monitoring nurse's number goes on every Patient Monitoring Form."
        error={e.telephone?.message}
        {...register("telephone")}
      />
      <SelectInput label="Role" error={e.role?.message} {...register("role")}>
        <option value="">Choose…</option>
        {Object.entries(ROLE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectInput>
      <Controller
        control={control}
        name="siteIds"
        render={({ field, fieldState }) => (
          <fieldset className="md:col-span-2" aria-describedby={fieldState.error ? "site-ids-error" : undefined}>
            <legend className="font-medium">Sites</legend>
            <p className="text-sm text-slate-600">The user sees only the patients and sessions of these sites.</p>
            <div className="flex flex-wrap gap-x-8">
              {sites.map((s) => (
                <Checkbox
                  key={s.id}
                  label={s.name}
                  name={field.name}
                  value={s.id}
                  checked={(field.value ?? []).includes(s.id)}
                  aria-invalid={!!fieldState.error}
                  onBlur={field.onBlur}
                  onChange={(ev) => {
                    const current = field.value ?? [];
                    field.onChange(ev.target.checked ? [...current, s.id] : current.filter((x) => x !== s.id));
                  }}
                />
              ))}
            </div>
            {fieldState.error && (
              <p id="site-ids-error" role="alert" className="text-sm font-medium text-red-700">
                {fieldState.error.message}
              </p>
            )}
          </fieldset>
        )}
      />
      <div className="flex gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : editing ? "Save changes" : "Create user"}
        </Button>
        {!editing && (
          <Button type="button" variant="secondary" onClick={() => router.push("/admin/users")}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
