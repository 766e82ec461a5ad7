"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectInput, TextInput } from "@/components/ui/field";
import { SIGNATURE_MEANINGS } from "@/lib/signoff/rules";
import { amendmentSchema, signSessionSchema, type AmendmentInput, type SignSessionInput } from "@/lib/signoff/schema";

/**
 * Sign a closed session: the meaning is chosen explicitly (nothing pre-selected) and the password typed again;
 * the server checks both and refuses a missing meaning with the field's message.
 */
export function SignSessionForm({ sessionId, discharged }: { sessionId: string; discharged: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignSessionInput>({ resolver: zodResolver(signSessionSchema), defaultValues: { password: "" } });
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await submitJson(`/api/sessions/${sessionId}/signature`, "POST", values, form.setError);
    if (res.ok) router.refresh();
    else if (res.code !== "INVALID_INPUT") setError(res.message);
  });
  const meaningError = form.formState.errors.meaning?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign this session" className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1" aria-describedby={meaningError ? "meaning-error" : undefined}>
        <legend className="font-medium">Meaning of your signature</legend>
        {Object.entries(SIGNATURE_MEANINGS)
          .filter(([k]) => discharged || k !== "APPROVED_DISCHARGE")
          .map(([value, label]) => (
            <label key={value} className="inline-flex min-h-11 items-center gap-3">
              <input type="radio" value={value} className="size-5" {...form.register("meaning")} />
              {label}
            </label>
          ))}
        {meaningError && (
          <p id="meaning-error" role="alert" className="text-sm font-medium text-red-700">
            {meaningError}
          </p>
        )}
      </fieldset>
      <div className="max-w-sm">
        <TextInput
          label="Your password"
          type="password"
          autoComplete="off"
          hint="Signing is the legal equivalent of your handwritten signature."
          error={form.formState.errors.password?.message}
          {...form.register("password")}
        />
      </div>
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Sign session
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </form>
  );
}

export type AmendableEntry = { kind: AmendmentInput["entryKind"]; id: string; label: string };

/** A correction after the session closed: the original stays; the amendment is shown beside it. */
export function AmendmentForm({ sessionId, entries }: { sessionId: string; entries: AmendableEntry[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<AmendmentInput>({ resolver: zodResolver(amendmentSchema), defaultValues: { entryKind: "session", correction: "", reason: "" } });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Record an amendment
      </Button>
    );
  const onSubmit = form.handleSubmit(async ({ correction, reason, entryKind, entryId }) => {
    const res = await submitJson(`/api/sessions/${sessionId}/amendments`, "POST", { entryKind, entryId, correction, reason }, form.setError);
    if (res.ok) {
      form.reset();
      setOpen(false);
      setMessage({ tone: "success", text: "Amendment recorded." });
      router.refresh();
    } else if (res.code !== "INVALID_INPUT") setMessage({ tone: "error", text: res.message });
  });
  const pick = (value: string) => {
    const [kind, id] = value.split(":");
    form.setValue("entryKind", kind as AmendmentInput["entryKind"]);
    form.setValue("entryId", id || undefined);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Amendment" className="flex flex-col gap-3">
      <SelectInput label="Entry to correct" error={form.formState.errors.entryId?.message} defaultValue="session:" onChange={(e) => pick(e.target.value)}>
        <option value="session:">The session as a whole</option>
        {entries.map((e) => (
          <option key={`${e.kind}:${e.id}`} value={`${e.kind}:${e.id}`}>
            {e.label}
          </option>
        ))}
      </SelectInput>
      <TextInput label="Correction" error={form.formState.errors.correction?.message} {...form.register("correction")} />
      <TextInput label="Reason for the amendment" error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <div className="flex gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save amendment
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </form>
  );
}
