"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { arChangeSchema, type ArChangeInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function ArChangeForm({ siteId }: { siteId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ArChangeInput, unknown, z.output<typeof arChangeSchema>>({ resolver: zodResolver(arChangeSchema) });
  const onSubmit = handleSubmit(async (values) => {
    const res = await submitJson(`/api/admin/sites/${siteId}/authorized-representative`, "POST", values, setError);
    if (res.ok) { setOpen(false); reset(); router.refresh(); } else if (res.status !== 422) setFailure(res.message);
  });
  if (!open) return <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Change authorized representative</Button>;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-2">
      <div className="md:col-span-2"><Alert tone="warning">The new representative must re-certify the site with the REMS: the site shows "Recertification required" until a new certification date is saved.</Alert></div>
      {failure && <div className="md:col-span-2"><Alert tone="error">{failure}</Alert></div>}
      <TextInput label="New representative's name" error={formState.errors.name?.message} {...register("name")} />
      <TextInput label="Representative's email" type="email" error={formState.errors.email?.message} {...register("email")} />
      <TextInput label="Representative's phone" type="tel" error={formState.errors.phone?.message} {...register("phone")} />
      <TextInput label="Takes effect on" type="date" error={formState.errors.fromDate?.message} {...register("fromDate")} />
      <div className="flex gap-2 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>Save the change</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
