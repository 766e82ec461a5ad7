"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { billingCodeSchema, PAYER_TYPES, type BillingCodeInput } from "@/lib/billing/schema";
import { PAYER_TYPE_LABELS } from "@/lib/billing/rules";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Group } from "@/components/admin/site-fields";

const resolver = zodResolver(billingCodeSchema) as unknown as Resolver<BillingCodeInput>;
const EMPTY: BillingCodeInput = {
  code: "",
  description: "",
  kind: "SERVICE",
  payerTypes: [],
  minDoseMg: "",
  maxDoseMg: "",
  unitMg: "",
  effectiveFrom: "",
  effectiveTo: "",
  notWith: "",
  note: "",
};

/** A new row of the code table. A change of a code is a new row; the row it replaces is ended with its last day. */
export function BillingCodeForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<BillingCodeInput>({ resolver, defaultValues: EMPTY });
  const e = formState.errors;
  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      setSaved(null);
      let atField = false;
      const setFieldError: typeof setError = (...args) => {
        atField = true;
        setError(...args);
      };
      const res = await submitJson<BillingCodeInput>("/api/admin/billing-codes", "POST", values, setFieldError);
      if (!res.ok) return setFailure(atField ? "Please correct the highlighted fields." : res.message);
      setSaved(`${values.code.toUpperCase()} is in the table from ${values.effectiveFrom}.`);
      reset(EMPTY);
      router.refresh();
    },
    () => setFailure("Please correct the highlighted fields."),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New billing code" className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      {saved && <Alert tone="success">{saved}</Alert>}
      <Group title="Code">
        <TextInput label="Code" autoComplete="off" error={e.code?.message} {...register("code")} />
        <TextInput label="Description" error={e.description?.message} {...register("description")} />
        <SelectInput label="Line" error={e.kind?.message} {...register("kind")}>
          <option value="SERVICE">Service (one unit per session)</option>
          <option value="DRUG">Drug (units of milligrams)</option>
        </SelectInput>
        {watch("kind") === "DRUG" && <TextInput label="Milligrams per unit" inputMode="numeric" error={e.unitMg?.message} {...register("unitMg")} />}
      </Group>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">Payer types</legend>
        <div className="flex flex-wrap gap-x-6">
          {PAYER_TYPES.map((p) => (
            <Checkbox key={p} label={PAYER_TYPE_LABELS[p]} value={p} {...register("payerTypes")} />
          ))}
        </div>
        {e.payerTypes && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {e.payerTypes.message}
          </p>
        )}
      </fieldset>
      <Group title="Applies to" note="Doses in milligrams, both ends included; leave a bound empty for none.">
        <TextInput label="Lowest dose (mg)" inputMode="numeric" error={e.minDoseMg?.message} {...register("minDoseMg")} />
        <TextInput label="Highest dose (mg)" inputMode="numeric" error={e.maxDoseMg?.message} {...register("maxDoseMg")} />
        <TextInput label="First day in force" type="date" error={e.effectiveFrom?.message} {...register("effectiveFrom")} />
        <TextInput label="Last day in force" type="date" hint="Optional." error={e.effectiveTo?.message} {...register("effectiveTo")} />
        <TextInput label="Not billed with" hint="Codes, separated by commas." error={e.notWith?.message} {...register("notWith")} />
        <TextInput label="Note" hint="Optional: where this comes from." error={e.note?.message} {...register("note")} />
      </Group>
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Add billing code"}
        </Button>
      </div>
    </form>
  );
}
