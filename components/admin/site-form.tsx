"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { ACQUISITION_LABELS, CERTIFICATION_LABELS, SETTING_LABELS, siteSchema, type SiteInput } from "@/lib/sites/schema";
import { submitJson } from "@/components/forms/submit-json";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

// `version` is a value of the form but not a field: it comes with the loaded site and goes back with each save.
type Values = SiteInput;
const resolver = zodResolver(siteSchema) as unknown as Resolver<Values>;

function Group({ title, children, note }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 md:grid-cols-2">
      <legend className="contents"><span className="text-lg font-semibold md:col-span-2">{title}</span></legend>
      {note && <p className="-mt-2 text-sm text-slate-600 md:col-span-2">{note}</p>}
      {children}
    </fieldset>
  );
}

/**
 * The site's settings. Saves send the version the form was loaded at (409 if stale). When the page
 * reloads with a newer version (after a save or a change of representative), the form takes the new values.
 */
export function SiteForm({ siteId, initial, timeZones }: { siteId: string; initial: Values & { version: number }; timeZones: string[] }) {
  const loadedVersion = initial.version;
  const router = useRouter();
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(loadedVersion);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<Values>({ resolver, defaultValues: initial });
  const e = formState.errors;

  // A newer version from the server than the one this form holds (the representative form, say)
  // replaces the values. This form's own save is not one: what the person typed since stays.
  const held = useRef(loadedVersion);
  useEffect(() => {
    if (loadedVersion <= held.current) return;
    held.current = loadedVersion;
    setVersion(loadedVersion);
    reset(initial);
    // Keyed on the version alone, on purpose: only a new version means new values.
  }, [loadedVersion]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    let atField = false;
    const setFieldError: typeof setError = (...args) => { atField = true; setError(...args); };
    const res = await submitJson<Values, { version: number }>(`/api/admin/sites/${siteId}`, "PATCH", { ...values, version }, setFieldError);
    if (!res.ok) {
      setFailure(atField ? { message: "Please correct the highlighted fields.", conflict: false } : { message: res.message, conflict: res.status === 409 });
      return;
    }
    held.current = Math.max(held.current, res.data.version);
    setVersion(res.data.version);
    setSaved(true);
    router.refresh();
  });

  const num = (name: keyof Values, label: string, hint?: string) => (
    <TextInput label={label} hint={hint} inputMode="numeric" autoComplete="off" error={e[name]?.message as string | undefined} {...register(name)} />
  );
  // One blood-pressure pair: the legend names the level, each box says systolic or diastolic.
  const pair = (legend: string, systolic: keyof Values, diastolic: keyof Values, above: string) => (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="grid grid-cols-2 gap-3">
        {num(systolic, `Systolic${above ? ` ${above}` : ""}`)}
        {num(diastolic, `Diastolic${above ? ` ${above}` : ""}`)}
      </div>
    </fieldset>
  );
  const zones = timeZones.includes(String(initial.timeZone)) ? timeZones : [String(initial.timeZone), ...timeZones];

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Site settings" className="flex max-w-4xl flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {failure && (
        <Alert tone="error">
          <p>{failure.message}</p>
          {failure.conflict && <Button type="button" variant="secondary" className="mt-2" onClick={() => window.location.reload()}>Reload</Button>}
        </Alert>
      )}
      {saved && <Alert tone="success">Site settings saved.</Alert>}

      <Group title="Site">
        <TextInput label="Name" error={e.name?.message} {...register("name")} />
        <SelectInput label="Setting type" error={e.settingType?.message} {...register("settingType")}>
          {Object.entries(SETTING_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectInput>
        <TextInput label="Street address" error={e.address1?.message} {...register("address1")} />
        <TextInput label="Address line 2" hint="Optional." error={e.address2?.message} {...register("address2")} />
        <TextInput label="City" error={e.city?.message} {...register("city")} />
        <div className="grid grid-cols-2 gap-4">
          <TextInput label="State" maxLength={2} autoCapitalize="characters" error={e.state?.message} {...register("state")} />
          <TextInput label="ZIP code" inputMode="numeric" error={e.zip?.message} {...register("zip")} />
        </div>
        <TextInput label="Phone" type="tel" hint="Optional." error={e.phone?.message} {...register("phone")} />
        <SelectInput label="Time zone" hint="Clinical times and dates at this site are shown in this zone." error={e.timeZone?.message} {...register("timeZone")}>
          {zones.map((z) => <option key={z} value={z}>{z.replaceAll("_", " ")}</option>)}
        </SelectInput>
      </Group>

      <Group title="REMS certification">
        <SelectInput label="Certification status" error={e.certificationStatus?.message} {...register("certificationStatus")}>
          {Object.entries(CERTIFICATION_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectInput>
        <TextInput label="Certified on" type="date" error={e.certifiedAt?.message} {...register("certifiedAt")} />
        <TextInput label="REMS setting ID" hint="Optional." error={e.remsSettingId?.message} {...register("remsSettingId")} />
        <Controller
          control={control}
          name="acquisitionMethods"
          render={({ field }) => (
            <fieldset>
              <legend className="font-medium">How the site obtains SPRAVATO</legend>
              {Object.entries(ACQUISITION_LABELS).map(([value, label]) => {
                const current = (field.value ?? []) as string[];
                return (
                  <Checkbox key={value} label={label} name={field.name} value={value} checked={current.includes(value)} onBlur={field.onBlur}
                    onChange={(ev) => field.onChange(ev.target.checked ? [...current, value] : current.filter((x) => x !== value))} />
                );
              })}
            </fieldset>
          )}
        />
        <div className="md:col-span-2">
          <Checkbox label="A pulse oximeter is available for every session (attested)" error={e.pulseOximeterAttested?.message} {...register("pulseOximeterAttested")} />
        </div>
        <div className="md:col-span-2">
          <Checkbox label="Block dosing while re-certification is required (otherwise nurses are warned)" {...register("recertificationBlocksDosing")} />
        </div>
      </Group>

      <Group title="Alert thresholds" note="Blood pressure in mmHg. A reading above the alert or urgent level raises that alert on the chair board; no dose is given above the pre-dose ceiling, if the site sets one.">
        <div className="grid gap-4 md:col-span-2 md:grid-cols-3">
          {pair("Alert", "postDoseAlertSystolic", "postDoseAlertDiastolic", "above")}
          {pair("Urgent", "urgentSystolic", "urgentDiastolic", "above")}
          {pair("Pre-dose ceiling (optional)", "preDoseCeilingSystolic", "preDoseCeilingDiastolic", "")}
        </div>
        {num("spo2AlertThreshold", "SpO₂ alert below (%)")}
        {num("idleLockMinutes", "Tablet lock after (minutes idle)", "From 1 to 60.")}
        {num("lateEntryMinutes", "Late entry after (minutes)", "An entry made longer than this after its clinical time needs a reason (R49). From 1 to 240.")}
      </Group>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>{formState.isSubmitting ? "Saving…" : "Save site"}</Button>
      </div>
    </form>
  );
}
