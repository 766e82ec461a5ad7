"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextInput } from "@/components/ui/field";

/** An optional clinical time: empty means "now" by the server's clock; filled, it backdates the entry. */
export function TimeField({ label = "Time (leave empty for now)", error, registration }: { label?: string; error?: string; registration: UseFormRegisterReturn }) {
  return <TextInput label={label} type="datetime-local" step={1} error={error} {...registration} />;
}

export { toInstant } from "@/lib/sessions/client/instant";
