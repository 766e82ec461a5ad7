"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserSchema, updateUserSchema, type CreateUserInput, type UpdateUserInput } from "@/lib/users/schema";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Site = { id: string; name: string };
type Existing = { id: string; version: number; firstName: string; lastName: string; email: string; role: "NURSE" | "PSYCHIATRIST" | "ADMIN"; telephone: string; siteIds: string[] };

/** One form for creating and editing a user; editing sends the version it was loaded at (409 if stale). */
export function UserForm({ sites, existing }: { sites: Site[]; existing?: Existing }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const editing = !!existing;
  const [version, setVersion] = useState(existing?.version ?? 0);
  const { register, handleSubmit, setError, formState } = useForm<CreateUserInput & UpdateUserInput>({
    resolver: zodResolver(editing ? updateUserSchema : createUserSchema) as never,
    defaultValues: existing ? { ...existing, password: "" } : { siteIds: [], telephone: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    const res = editing
      ? await submitJson<UpdateUserInput, { id: string; version: number }>(`/api/admin/users/${existing.id}`, "PATCH", { ...values, version }, setError)
      : await submitJson<CreateUserInput, { id: string; version: number }>("/api/admin/users", "POST", values, setError);
    if (res.ok) {
      if (editing) { setVersion(res.data.version); setSaved(true); router.refresh(); } else router.push("/admin/users");
    } else if (res.status !== 422) setFailure(res.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2">
      {failure && <div className="md:col-span-2"><Alert tone="error">{failure}</Alert></div>}
      {saved && <div className="md:col-span-2"><Alert tone="success">Saved.</Alert></div>}
      <TextInput label="First name" error={e.firstName?.message} {...register("firstName")} />
      <TextInput label="Last name" error={e.lastName?.message} {...register("lastName")} />
      <TextInput label="Email" type="email" autoComplete="off" error={e.email?.message} {...register("email")} />
      <TextInput label="Telephone" type="tel" error={e.telephone?.message} {...register("telephone")} />
      <SelectInput label="Role" error={e.role?.message} {...register("role")}>
        <option value="">Choose…</option><option value="NURSE">Nurse</option><option value="PSYCHIATRIST">Psychiatrist</option><option value="ADMIN">Administrator</option>
      </SelectInput>
      <TextInput label={editing ? "New password (leave empty to keep)" : "Password"} type="password" autoComplete="new-password" hint="At least 12 characters." error={e.password?.message} {...register("password")} />
      <fieldset className="md:col-span-2">
        <legend className="font-medium">Sites</legend>
        <div className="flex flex-wrap gap-x-6">
          {sites.map((s) => <Checkbox key={s.id} label={s.name} value={s.id} {...register("siteIds")} />)}
        </div>
        {e.siteIds && <p role="alert" className="text-sm font-medium text-red-700">{e.siteIds.message ?? e.siteIds.root?.message}</p>}
      </fieldset>
      <div className="md:col-span-2"><Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : editing ? "Save changes" : "Create user"}</Button></div>
    </form>
  );
}
