"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { siteSchema, type SiteInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

const ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico"];

export function SiteForm({ siteId, initial }: { siteId: string; initial: SiteInput & { version: number } }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The version this form last loaded or saved: a save by someone else in between is a 409.
  const [version, setVersion] = useState(initial.version);
  const { register, handleSubmit, setError, formState } = useForm<SiteInput, unknown, z.output<typeof siteSchema>>({ resolver: zodResolver(siteSchema), defaultValues: initial });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    const res = await submitJson<SiteInput, { version: number }>(`/api/admin/sites/${siteId}`, "PATCH", { ...values, version }, setError);
    if (res.ok) { setVersion(res.data.version); setSaved(true); router.refresh(); } else if (res.status !== 422) setFailure(res.message);
  });
  const num = (name: keyof SiteInput, label: string) => <TextInput label={label} inputMode="numeric" error={e[name]?.message as string | undefined} {...register(name)} />;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-4xl flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {failure && <Alert tone="error">{failure}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Site</legend>
        <TextInput label="Name" error={e.name?.message} {...register("name")} />
        <SelectInput label="Setting type" error={e.settingType?.message} {...register("settingType")}>
          <option value="OUTPATIENT">Outpatient</option><option value="INPATIENT">Inpatient</option>
        </SelectInput>
        <TextInput label="Street address" error={e.address1?.message} {...register("address1")} />
        <TextInput label="Address line 2" error={e.address2?.message} {...register("address2")} />
        <TextInput label="City" error={e.city?.message} {...register("city")} />
        <TextInput label="State" maxLength={2} error={e.state?.message} {...register("state")} />
        <TextInput label="ZIP code" error={e.zip?.message} {...register("zip")} />
        <TextInput label="Phone" type="tel" error={e.phone?.message} {...register("phone")} />
        <SelectInput label="Time zone" error={e.timeZone?.message} {...register("timeZone")}>
          {ZONES.map((z) => <option key={z} value={z}>{z.replace("_", " ")}</option>)}
        </SelectInput>
        <TextInput label="Idle lock (minutes)" inputMode="numeric" error={e.idleLockMinutes?.message} {...register("idleLockMinutes")} />
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">REMS certification</legend>
        <SelectInput label="Certification status" error={e.certificationStatus?.message} {...register("certificationStatus")}>
          <option value="PENDING">Pending</option><option value="ACTIVE">Active</option><option value="RECERTIFICATION_REQUIRED">Recertification required</option><option value="SUSPENDED">Suspended</option>
        </SelectInput>
        <TextInput label="Certified on" type="date" error={e.certifiedAt?.message} {...register("certifiedAt")} />
        <TextInput label="REMS setting ID" error={e.remsSettingId?.message} {...register("remsSettingId")} />
        <div>
          <p className="font-medium">Acquisition</p>
          <Checkbox label="Pharmacy channel" value="PHARMACY_CHANNEL" {...register("acquisitionMethods")} />
          <Checkbox label="Buy and bill" value="BUY_AND_BILL" {...register("acquisitionMethods")} />
        </div>
        <Checkbox label="A pulse oximeter is on site (attested)" {...register("pulseOximeterAttested")} />
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Alert thresholds</legend>
        {num("postDoseAlertSystolic", "Post-dose alert: systolic above")}
        {num("postDoseAlertDiastolic", "Post-dose alert: diastolic above")}
        {num("urgentSystolic", "Urgent: systolic above")}
        {num("urgentDiastolic", "Urgent: diastolic above")}
        {num("spo2AlertThreshold", "SpO₂ alert below (%)")}
        <div />
        {num("preDoseCeilingSystolic", "Pre-dose ceiling: systolic (optional)")}
        {num("preDoseCeilingDiastolic", "Pre-dose ceiling: diastolic (optional)")}
      </fieldset>
      <div><Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Save site"}</Button></div>
    </form>
  );
}
