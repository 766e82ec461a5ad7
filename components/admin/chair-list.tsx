"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { chairCreateSchema, type ChairCreateInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { StatusBadge } from "./badge";

type Chair = { id: string; label: string; active: boolean };

function ChairLabelForm({
  submitLabel,
  label,
  initial,
  onSave,
  onCancel,
}: {
  submitLabel: string;
  label: string;
  initial: string;
  onSave: (label: string, setFieldError: (m: string) => void) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { register, handleSubmit, setError, reset, formState } = useForm<ChairCreateInput>({
    resolver: zodResolver(chairCreateSchema),
    defaultValues: { label: initial },
  });
  const onSubmit = handleSubmit(async ({ label: value }) => {
    if (await onSave(value, (message) => setError("label", { type: "server", message }))) reset({ label: initial });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={submitLabel} className="flex flex-wrap items-end gap-3">
      <TextInput label={label} autoComplete="off" error={formState.errors.label?.message} {...register("label")} />
      <Button type="submit" variant="secondary" disabled={formState.isSubmitting}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </form>
  );
}

/** The site's chairs: add one, rename one, or take one out of service (never deleted: sessions point at it). */
export function ChairList({ siteId, chairs }: { siteId: string; chairs: Chair[] }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (url: string, method: "POST" | "PATCH", body: unknown, setFieldError?: (m: string) => void) => {
    setFailure(null);
    let atField = false;
    const res = await submitJson<ChairCreateInput>(url, method, body, (field, err) => {
      if (field === "label" && setFieldError) {
        atField = true;
        setFieldError(err.message ?? "Check this field");
      }
    });
    if (!res.ok) {
      if (!atField) setFailure(res.message);
      return false;
    }
    router.refresh();
    return true;
  };

  return (
    <div className="flex flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      {chairs.length ? (
        <table className="w-full text-left">
          <caption className="sr-only">Chairs</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">
                Chair
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chairs.map((c) => (
              <tr key={c.id} className="border-t border-slate-200">
                {renaming === c.id ? (
                  <td colSpan={3} className="px-3 py-2">
                    <ChairLabelForm
                      submitLabel="Save name"
                      label={`New name for ${c.label}`}
                      initial={c.label}
                      onCancel={() => setRenaming(null)}
                      onSave={async (label, setFieldError) => {
                        const done = await send(`/api/admin/sites/${siteId}/chairs/${c.id}`, "PATCH", { label, active: c.active }, setFieldError);
                        if (done) setRenaming(null);
                        return done;
                      }}
                    />
                  </td>
                ) : (
                  <>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {c.label}
                    </th>
                    <td className="px-3 py-2">
                      {c.active ? <StatusBadge tone="green">In service</StatusBadge> : <StatusBadge tone="slate">Out of service</StatusBadge>}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap justify-end gap-2">
                        <Button type="button" variant="secondary" aria-label={`Rename ${c.label}`} onClick={() => setRenaming(c.id)}>
                          Rename
                        </Button>
                        <Button
                          type="button"
                          variant="secondary"
                          aria-label={c.active ? `Take out of service: ${c.label}` : `Put back in service: ${c.label}`}
                          onClick={() => send(`/api/admin/sites/${siteId}/chairs/${c.id}`, "PATCH", { label: c.label, active: !c.active })}
                        >
                          {c.active ? "Take out of service" : "Put back in service"}
                        </Button>
                      </div>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No chairs yet: the chair board needs at least one.</p>
      )}
      <ChairLabelForm
        submitLabel="Add chair"
        label="New chair"
        initial=""
        onSave={(label, setFieldError) => send(`/api/admin/sites/${siteId}/chairs`, "POST", { label }, setFieldError)}
      />
    </div>
  );
}
