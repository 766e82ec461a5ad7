"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { arChangeSchema, type ArChangeInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

const EMPTY: ArChangeInput = { name: "", email: "", phone: "", fromDate: "" };

/** Records a new Authorized Representative (R2): the current one is closed and the site must re-certify. */
export function ArChangeForm({ siteId, today }: { siteId: string; today: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState, reset } = useForm<ArChangeInput>({
    resolver: zodResolver(arChangeSchema) as unknown as Resolver<ArChangeInput>,
    defaultValues: { ...EMPTY, fromDate: today },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    let atField = false;
    const setFieldError: typeof setError = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<ArChangeInput>(`/api/admin/sites/${siteId}/authorized-representative`, "POST", values, setFieldError);
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return;
    }
    setOpen(false);
    setDone(true);
    reset({ ...EMPTY, fromDate: today });
    router.refresh();
  });

  if (!open)
    return (
      <div className="flex flex-col items-start gap-3">
        {done && <Alert tone="success">The new authorized representative is recorded. The site now needs re-certification.</Alert>}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          Change authorized representative
        </Button>
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change authorized representative" className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <Alert tone="warning">
          The current representative&apos;s term ends the day before the new one takes over, and the site becomes &ldquo;Recertification required&rdquo; until
          the new representative re-certifies it with the SPRAVATO REMS.
        </Alert>
      </div>
      {failure && (
        <div className="md:col-span-2">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <TextInput label="New representative's name" autoComplete="off" error={e.name?.message} {...register("name")} />
      <TextInput label="Takes over on" type="date" max={today} error={e.fromDate?.message} {...register("fromDate")} />
      <TextInput label="Representative's email" type="email" hint="Optional." autoComplete="off" error={e.email?.message} {...register("email")} />
      <TextInput label="Representative's phone" type="tel" hint="Optional." autoComplete="off" error={e.phone?.message} {...register("phone")} />
      <div className="flex flex-wrap gap-3 md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Record the change"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setOpen(false);
            setFailure(null);
            reset({ ...EMPTY, fromDate: today });
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
