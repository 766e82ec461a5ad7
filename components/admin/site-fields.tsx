"use client";
import type { ReactNode } from "react";
import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { ACQUISITION_LABELS, ANCHOR_LABELS, CERTIFICATION_LABELS, SETTING_LABELS } from "@/lib/sites/schema";
import { Checkbox, SelectInput, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

// The site's settings as field groups, shared by the edit form, the new-site form and first-run setup
// (where they sit under "site."): one place for every setting the REMS and the clinic need.
/* eslint-disable @typescript-eslint/no-explicit-any -- the same fields under different prefixes */
type Form = { register: UseFormRegister<any>; control: Control<any>; errors: FieldErrors<any>; prefix?: "" | "site." };

export function Group({ title, children, note }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="grid gap-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 md:grid-cols-2">
      <legend className="contents">
        <span className="text-lg font-semibold md:col-span-2">{title}</span>
      </legend>
      {note && <p className="-mt-2 text-sm text-slate-600 md:col-span-2">{note}</p>}
      {children}
    </fieldset>
  );
}

const messageAt = (errors: FieldErrors<any>, path: string): string | undefined => {
  let node: any = errors;
  for (const k of path.split(".")) node = node?.[k];
  return typeof node?.message === "string" ? node.message : undefined;
};

export function SiteSettingsFields({ register, control, errors, prefix = "", timeZones, isNew = false }: Form & { timeZones: string[]; isNew?: boolean }) {
  const p = (name: string) => `${prefix}${name}`;
  const err = (name: string) => messageAt(errors, p(name));
  const num = (name: string, label: string, hint?: string) => (
    <TextInput label={label} hint={hint} inputMode="numeric" autoComplete="off" error={err(name)} {...register(p(name))} />
  );
  const pair = (legend: string, systolic: string, diastolic: string, above: string) => (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="grid grid-cols-2 gap-3">
        {num(systolic, `Systolic${above ? ` ${above}` : ""}`)}
        {num(diastolic, `Diastolic${above ? ` ${above}` : ""}`)}
      </div>
    </fieldset>
  );
  return (
    <>
      <Group title="Site">
        <TextInput label="Name" error={err("name")} {...register(p("name"))} />
        {isNew && (
          <TextInput
            label="Site code"
            hint="Short and unique, like HUD-01. It cannot change later."
            autoCapitalize="characters"
            error={err("code")}
            {...register(p("code"))}
          />
        )}
        <SelectInput label="Setting type" error={err("settingType")} {...register(p("settingType"))}>
          {Object.entries(SETTING_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </SelectInput>
        <TextInput label="Street address" error={err("address1")} {...register(p("address1"))} />
        <TextInput label="Address line 2" hint="Optional." error={err("address2")} {...register(p("address2"))} />
        <TextInput label="City" error={err("city")} {...register(p("city"))} />
        <div className="grid grid-cols-2 gap-4">
          <TextInput label="State" maxLength={2} autoCapitalize="characters" error={err("state")} {...register(p("state"))} />
          <TextInput label="ZIP code" inputMode="numeric" error={err("zip")} {...register(p("zip"))} />
        </div>
        <TextInput label="Phone" type="tel" hint="Optional." error={err("phone")} {...register(p("phone"))} />
        <SelectInput
          label="Time zone"
          hint="Clinical times and dates at this site are shown in this zone."
          error={err("timeZone")}
          {...register(p("timeZone"))}
        >
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </SelectInput>
      </Group>

      <Group title="REMS certification">
        <SelectInput label="Certification status" error={err("certificationStatus")} {...register(p("certificationStatus"))}>
          {Object.entries(CERTIFICATION_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </SelectInput>
        <TextInput label="Certified on" type="date" error={err("certifiedAt")} {...register(p("certifiedAt"))} />
        <TextInput label="REMS setting ID" hint="Optional." error={err("remsSettingId")} {...register(p("remsSettingId"))} />
        <Controller
          control={control}
          name={p("acquisitionMethods")}
          render={({ field }) => (
            <fieldset>
              <legend className="font-medium">How the site obtains SPRAVATO</legend>
              {Object.entries(ACQUISITION_LABELS).map(([value, label]) => {
                const current = (field.value ?? []) as string[];
                return (
                  <Checkbox
                    key={value}
                    label={label}
                    name={field.name}
                    value={value}
                    checked={current.includes(value)}
                    onBlur={field.onBlur}
                    onChange={(ev) => field.onChange(ev.target.checked ? [...current, value] : current.filter((x) => x !== value))}
                  />
                );
              })}
            </fieldset>
          )}
        />
        <div className="md:col-span-2">
          <Checkbox
            label="A pulse oximeter is available for every session (attested)"
            error={err("pulseOximeterAttested")}
            {...register(p("pulseOximeterAttested"))}
          />
        </div>
        <div className="md:col-span-2">
          <Checkbox label="Block dosing while re-certification is required (otherwise nurses are warned)" {...register(p("recertificationBlocksDosing"))} />
        </div>
      </Group>

      {isNew && (
        <Group
          title="Authorized representative"
          note="The person who certified the site with the REMS. A certified site needs one; a change later is recorded on the site page."
        >
          <TextInput label="Representative's name" error={err("arName")} {...register(p("arName"))} />
          <TextInput label="Representative since" type="date" error={err("arFromDate")} {...register(p("arFromDate"))} />
          <TextInput label="Representative's email" type="email" hint="Optional." error={err("arEmail")} {...register(p("arEmail"))} />
          <TextInput label="Representative's phone" type="tel" hint="Optional." error={err("arPhone")} {...register(p("arPhone"))} />
        </Group>
      )}

      <Group
        title="Alert thresholds"
        note="Blood pressure in mmHg. A reading above the alert or urgent level raises that alert on the chair board; no dose is given above the pre-dose ceiling, if the site sets one."
      >
        <div className="grid gap-4 md:col-span-2 md:grid-cols-3">
          {pair("Alert", "postDoseAlertSystolic", "postDoseAlertDiastolic", "above")}
          {pair("Urgent", "urgentSystolic", "urgentDiastolic", "above")}
          {pair("Pre-dose ceiling (optional)", "preDoseCeilingSystolic", "preDoseCeilingDiastolic", "")}
        </div>
        {num("spo2AlertThreshold", "SpO₂ alert below (%)")}
        {num("idleLockMinutes", "Tablet lock after (minutes idle)", "From 1 to 60.")}
        {num("lateEntryMinutes", "Late entry after (minutes)", "An entry made longer than this after its clinical time needs a reason. From 1 to 240.")}
        {num("appointmentBlockMinutes", "Appointment block (minutes)", "One chair booking: check-in, dosing, 2-hour observation, discharge. From 30 to 480.")}
        <SelectInput
          label="Observation period counts"
          hint="The 2-hour minimum runs from this device."
          error={err("observationAnchor")}
          {...register(p("observationAnchor"))}
        >
          {Object.entries(ANCHOR_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </SelectInput>
      </Group>

      {isNew && <ChairFields register={register} control={control} errors={errors} prefix={prefix} />}
    </>
  );
}

function ChairFields({ register, control, errors, prefix = "" }: Form) {
  const { fields, append, remove } = useFieldArray({ control, name: `${prefix}chairs` });
  const listError = messageAt(errors, `${prefix}chairs`) ?? messageAt(errors, `${prefix}chairs.root`);
  return (
    <Group title="Chairs" note="The treatment chairs of the chair board. More can be added, renamed or taken out of service later.">
      <div className="flex flex-col gap-3 md:col-span-2">
        {fields.map((f, i) => (
          <div key={f.id} className="flex flex-wrap items-end gap-3">
            <TextInput
              label={`Chair ${i + 1} name`}
              autoComplete="off"
              error={messageAt(errors, `${prefix}chairs.${i}.label`)}
              {...register(`${prefix}chairs.${i}.label`)}
            />
            {fields.length > 1 && (
              <Button type="button" variant="secondary" onClick={() => remove(i)} aria-label={`Remove chair ${i + 1}`}>
                Remove
              </Button>
            )}
          </div>
        ))}
        {listError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {listError}
          </p>
        )}
        <div>
          <Button type="button" variant="secondary" onClick={() => append({ label: `Chair ${fields.length + 1}` })}>
            Add a chair
          </Button>
        </div>
      </div>
    </Group>
  );
}

/** A new site's form values before the first keystroke: the REMS.md defaults. */
export const newSiteDefaults = (today: string) => ({
  code: "",
  name: "",
  settingType: "OUTPATIENT",
  certificationStatus: "ACTIVE",
  certifiedAt: "",
  remsSettingId: "",
  acquisitionMethods: [],
  pulseOximeterAttested: false,
  recertificationBlocksDosing: false,
  address1: "",
  address2: "",
  city: "",
  state: "",
  zip: "",
  phone: "",
  timeZone: "America/New_York",
  postDoseAlertSystolic: "180",
  postDoseAlertDiastolic: "110",
  urgentSystolic: "200",
  urgentDiastolic: "120",
  spo2AlertThreshold: "93",
  preDoseCeilingSystolic: "",
  preDoseCeilingDiastolic: "",
  idleLockMinutes: "10",
  lateEntryMinutes: "10",
  appointmentBlockMinutes: "150",
  observationAnchor: "FIRST_DEVICE",
  arName: "",
  arEmail: "",
  arPhone: "",
  arFromDate: today,
  chairs: [{ label: "Chair 1" }, { label: "Chair 2" }],
});
