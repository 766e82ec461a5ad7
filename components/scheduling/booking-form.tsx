"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { submitJson, type Unmet } from "@/components/forms/submit-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, SelectInput } from "@/components/ui/field";
import { bookAppointmentSchema, type BookAppointmentInput } from "@/lib/scheduling/schema";

type Person = { id: string; firstName: string; lastName: string };
type PatientChoice = { id: string; name: string; mrn: string; birthDate: string; enrollment: string };
type Props = {
  siteId: string;
  date: string;
  startsAt: string;
  chairId: string;
  chairs: { id: string; label: string }[];
  nurses: Person[];
  me: string;
  patients: PatientChoice[];
};

/** Book the chosen block: the server judges enrollment, authorization, GATE flags and R23, and says why it refuses. */
export function BookingForm({ siteId, date, startsAt, chairId, chairs, nurses, me, patients }: Props) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [warnings, setWarnings] = useState<Unmet[] | null>(null);
  const [ack, setAck] = useState(false);
  const form = useForm<BookAppointmentInput>({
    resolver: zodResolver(bookAppointmentSchema),
    defaultValues: {
      startsAt,
      chairId,
      patientId: patients.length === 1 ? patients[0].id : "",
      monitoringNurseId: nurses.some((n) => n.id === me) ? me : "",
      acknowledgedWarnings: [],
    },
  });
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (v) => {
    setRefusal(null);
    const body = { ...v, acknowledgedWarnings: ack && warnings ? warnings.map((w) => w.code) : [] };
    const res = await submitJson(`/api/appointments`, "POST", body, form.setError, crypto.randomUUID());
    if (res.ok) {
      router.push(`/schedule?site=${siteId}&date=${date}`);
      router.refresh();
      return;
    }
    if (res.code === "WARNINGS_NOT_ACKNOWLEDGED") {
      setWarnings(res.unmet ?? []);
      setAck(false);
      return;
    }
    if (res.code !== "INVALID_INPUT") setRefusal(res.unmet?.length ? res.unmet.map((u) => u.message) : [res.message]);
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Book a chair"
      className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-2"
    >
      <fieldset className="md:col-span-2" aria-describedby={e.patientId && !refusal ? "patient-error" : undefined}>
        <legend className="mb-2 font-medium">Patient</legend>
        {!patients.length && <p className="text-slate-700">Search for the patient above by name or MRN.</p>}
        <div className="grid gap-2">
          {patients.map((p) => (
            <label
              key={p.id}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={p.id} className="size-5" {...form.register("patientId")} />
              <span>
                <span className="font-semibold">{p.name}</span> · MRN {p.mrn} · born {p.birthDate}
                {p.enrollment === "not_enrolled" ? " · not enrolled" : ""}
              </span>
            </label>
          ))}
        </div>
        {e.patientId && !refusal && (
          <p id="patient-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
            {e.patientId.message}
          </p>
        )}
      </fieldset>
      <SelectInput label="Chair" error={e.chairId?.message} {...form.register("chairId")}>
        {chairs.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectInput>
      <SelectInput label="Monitoring nurse" error={e.monitoringNurseId?.message} {...form.register("monitoringNurseId")}>
        <option value="">Choose…</option>
        {nurses.map((n) => (
          <option key={n.id} value={n.id}>
            {n.firstName} {n.lastName}
          </option>
        ))}
      </SelectInput>
      {e.startsAt && !refusal && (
        <p role="alert" className="text-sm font-medium text-red-700 md:col-span-2">
          {e.startsAt.message}
        </p>
      )}
      {warnings && warnings.length > 0 && (
        <div className="md:col-span-2">
          <Alert tone="warning">
            <p className="font-semibold">Read before booking:</p>
            <ul className="list-disc pl-5">
              {warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </Alert>
          <Checkbox label="I have read these warnings" checked={ack} onChange={(ev) => setAck(ev.currentTarget.checked)} />
        </div>
      )}
      {refusal && (
        <div className="md:col-span-2">
          <Alert tone="error">
            <p className="font-semibold">Not booked:</p>
            <ul className="list-disc pl-5">
              {refusal.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      <div className="md:col-span-2">
        <Button type="submit" disabled={form.formState.isSubmitting || (!!warnings?.length && !ack)}>
          Book
        </Button>
      </div>
    </form>
  );
}
