"use client";
import type { FieldErrors, FieldValues, UseFormRegister } from "react-hook-form";
import type { DemographicsInput } from "@/lib/patients/schema";
import { SelectInput, TextInput } from "@/components/ui/field";
import { PAYER_TYPES } from "@/lib/billing/schema";
import { PAYER_TYPE_LABELS } from "@/lib/billing/rules";

/** A patient's identity, contact and indication: the fields registration and the later edit share (one schema). */
export function PatientFields<T extends FieldValues & DemographicsInput>({ register, errors }: { register: UseFormRegister<T>; errors: FieldErrors<T> }) {
  const r = register as unknown as UseFormRegister<DemographicsInput>;
  const e = errors as FieldErrors<DemographicsInput>;
  return (
    <>
      <TextInput label="Medical record number (MRN)" error={e.mrn?.message} {...r("mrn")} />
      <TextInput label="First name" autoComplete="off" error={e.firstName?.message} {...r("firstName")} />
      <TextInput label="Middle initial" maxLength={1} error={e.middleInitial?.message} {...r("middleInitial")} />
      <TextInput label="Last name" autoComplete="off" error={e.lastName?.message} {...r("lastName")} />
      <TextInput label="Date of birth" type="date" error={e.birthDate?.message} {...r("birthDate")} />
      <SelectInput label="Sex" error={e.sex?.message} {...r("sex")}>
        <option value="">Choose…</option>
        <option value="FEMALE">Female</option>
        <option value="MALE">Male</option>
        <option value="OTHER">Other</option>
      </SelectInput>
      <TextInput label="Phone" type="tel" error={e.phone?.message} {...r("phone")} />
      <TextInput label="Email" type="email" autoComplete="off" error={e.email?.message} {...r("email")} />
      <SelectInput label="Indication" error={e.indication?.message} {...r("indication")}>
        <option value="">Choose…</option>
        <option value="TRD">Treatment-resistant depression (TRD)</option>
        <option value="MDSI">Depression with acute suicidal ideation or behavior (MDSI)</option>
      </SelectInput>
      <SelectInput label="Primary payer" hint="Chooses the billing codes of each session." error={e.primaryPayerType?.message} {...r("primaryPayerType")}>
        <option value="">Not recorded</option>
        {PAYER_TYPES.map((p) => (
          <option key={p} value={p}>
            {PAYER_TYPE_LABELS[p]}
          </option>
        ))}
      </SelectInput>
    </>
  );
}
