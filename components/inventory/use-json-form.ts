"use client";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { submitJson, type SubmitResult } from "@/components/forms/submit-json";

/**
 * Posts a form's values; messages that belong to a field go on the field (422), anything else — a
 * refusal, a conflict — becomes the form's one failure message.
 */
export function useJsonSubmit<T extends FieldValues>(setError: UseFormSetError<T>) {
  const [failure, setFailure] = useState<{ message: string; status: number } | null>(null);
  async function send<D>(url: string, body: unknown): Promise<SubmitResult<D>> {
    setFailure(null);
    let atField = false;
    const setFieldError: UseFormSetError<T> = (...args) => {
      atField = true;
      setError(...args);
    };
    const res = await submitJson<T, D>(url, "POST", body, setFieldError);
    if (!res.ok && !atField) setFailure({ message: res.message, status: res.status });
    return res;
  }
  return { failure, send, clearFailure: () => setFailure(null) };
}
