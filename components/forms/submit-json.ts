"use client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type Unmet = { code: string; message: string; field?: string; availableAt?: string };
export type SubmitResult<T> = { ok: true; data: T } | { ok: false; status: number; code?: string; message: string; unmet?: Unmet[] };

/**
 * Sends a form's values as JSON to a route handler. A 422's field messages are put on the fields
 * (the server's validation is the same zod schema the form uses); other failures become one message.
 */
export async function submitJson<TForm extends FieldValues, TData = unknown>(
  url: string,
  method: "POST" | "PATCH" | "PUT",
  body: unknown,
  setError: UseFormSetError<TForm>,
  idempotencyKey?: string,
): Promise<SubmitResult<TData>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "No connection to the server. Nothing was lost: check the network and try again." };
  }
  const json = (await res.json().catch(() => null)) as {
    ok: boolean;
    code?: string;
    data?: TData;
    message?: string;
    fieldErrors?: Record<string, string[]>;
    details?: { unmet?: Unmet[] };
  } | null;
  if (res.ok && json?.ok) return { ok: true, data: json.data as TData };
  if (res.status === 401) {
    window.location.href = `/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    return { ok: false, status: 401, message: "Please sign in again." };
  }
  for (const [field, messages] of Object.entries(json?.fieldErrors ?? {}))
    if (messages?.length) setError(field as Path<TForm>, { type: "server", message: messages[0] });
  return {
    ok: false,
    status: res.status,
    code: json?.code,
    message: json?.message ?? `The server refused the request (${res.status}).`,
    unmet: json?.details?.unmet,
  };
}
