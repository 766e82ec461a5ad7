"use client";
import { useState, type ReactNode } from "react";

/**
 * A step of the session page that is folded when the page opens with it done, and one tap opens it again. A step
 * finished while the nurse is on the page stays open, so she sees its confirmation and can correct it at once.
 */
export function StepFold({ done, summary, children }: { done: boolean; summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(!done);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 text-lg font-semibold">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}
