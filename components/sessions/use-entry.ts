"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { submitJson, type Unmet } from "@/components/forms/submit-json";
import { newKey, saveDraft } from "@/lib/sessions/client/drafts";

export type EntryOutcome = { kind: "saved"; data: unknown } | { kind: "draft" } | { kind: "refused"; message: string; unmet: Unmet[] } | { kind: "fields" };

/**
 * Submits one session entry. The idempotency key lives as long as the entry: a retry of the same
 * entry reuses it (the server returns the first result), a new entry gets a new one. Without a
 * network, the entry is kept on the tablet as a draft and sent later (DraftSync).
 */
export function useEntry<T extends FieldValues>(setError: UseFormSetError<T>, label: string) {
  const router = useRouter();
  const key = useRef(newKey());
  const [outcome, setOutcome] = useState<EntryOutcome | null>(null);
  async function submit(url: string, method: "POST" | "PUT", body: unknown): Promise<EntryOutcome> {
    const res = await submitJson<T, unknown>(url, method, body, setError, method === "POST" ? key.current : undefined);
    let o: EntryOutcome;
    if (res.ok) o = { kind: "saved", data: res.data };
    else if (res.status === 0 && method === "POST") {
      saveDraft(localStorage, { key: key.current, url, method, body, label, savedAt: new Date().toISOString() });
      window.dispatchEvent(new Event("session-drafts"));
      o = { kind: "draft" };
    } else if (res.code === "INVALID_INPUT")
      o = { kind: "fields" }; // shown at the fields
    else o = { kind: "refused", message: res.message, unmet: res.unmet ?? [] };
    if (o.kind === "saved" || o.kind === "draft") key.current = newKey();
    // Never refresh while offline: Next would fall back to a full page load and the tablet would lose the page.
    if (o.kind === "saved") router.refresh();
    setOutcome(o);
    return o;
  }
  return { submit, outcome };
}
