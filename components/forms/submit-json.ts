"use client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type Unmet = { code: string; message: string; field?: string; availableAt?: string };
export type SubmitResult<T> = { ok: true; data: T } | { ok: false; status: number; code?: string; message: string; unmet?: Unmet[] };

type Reply<T> = { ok: boolean; code?: string; data?: T; message?: string; fieldErrors?: Record<string, string[]>; details?: { unmet?: Unmet[] } };

/**
 * The one way the browser calls the app's route handlers: JSON in, the standard reply out. No connection is a
 * status 0 with a message (nothing is thrown), a 401 goes to sign-in, and a refusal carries the server's message.
 */
export async function requestJson<TData = unknown>(
  url: string,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  body?: unknown,
  idempotencyKey?: string,
): Promise<SubmitResult<TData> & { fieldErrors?: Record<string, string[]> }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: "No connection to the server. Nothing was lost: check the network and try again." };
  }
  const json = (await res.json().catch(() => null)) as Reply<TData> | null;
  if (res.ok && json?.ok) return { ok: true, data: json.data as TData };
  if (res.status === 401) {
    window.location.href = `/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    return { ok: false, status: 401, message: "Please sign in again." };
  }
  return {
    ok: false,
    status: res.status,
    code: json?.code,
    message: json?.message ?? `The server refused the request (${res.status}).`,
    unmet: json?.details?.unmet,
    fieldErrors: json?.fieldErrors,
  };
}

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
  const res = await requestJson<TData>(url, method, body, idempotencyKey);
  if (res.ok) return res;
  for (const [field, messages] of Object.entries(res.fieldErrors ?? {}))
    if (messages?.length) setError(field as Path<TForm>, { type: "server", message: messages[0] });
  const { fieldErrors: _fieldErrors, ...failure } = res;
  return failure;
}
