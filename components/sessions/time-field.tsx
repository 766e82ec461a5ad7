"use client";
import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextInput } from "@/components/ui/field";
import { isLateEntry } from "@/lib/sessions/clinical-time-rules";
import { useEntryTime } from "./entry-time";

/** `value`: the form's watched time, so a reset form hides the reason again. */
type Late = { registration: UseFormRegisterReturn; error?: string; value?: string };

/**
 * An optional clinical time: empty means "now" by the server's clock; filled, it backdates the entry.
 * With `late`, a time more than the site's threshold ago asks for the reason in place (R49, same rule as the server);
 * a back-entered session's entries are never late.
 */
export function TimeField({ label = "Time (leave empty for now)", error, registration, late }: { label?: string; error?: string; registration: UseFormRegisterReturn; late?: Late }) {
  const [value, setValue] = useState("");
  const bounds = useEntryTime();
  const onChange: UseFormRegisterReturn["onChange"] = (e) => {
    setValue((e.target as HTMLInputElement).value);
    return registration.onChange(e);
  };
  const current = late && "value" in late ? late.value : value;
  const chosen = current ? new Date(current) : null;
  const needsReason = !!late && (!!late.error || (!!chosen && !Number.isNaN(chosen.getTime()) && isLateEntry(chosen, { now: new Date(), ...bounds })));
  return (
    <>
      <TextInput label={label} type="datetime-local" step={1} error={error} {...registration} onChange={onChange} />
      {needsReason && late && <TextInput label="Reason for late entry" error={late.error} {...late.registration} />}
    </>
  );
}

export { toInstant } from "@/lib/sessions/client/instant";
