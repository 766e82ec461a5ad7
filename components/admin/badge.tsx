import type { ReactNode } from "react";
import { CERTIFICATION_LABELS } from "@/lib/sites/schema";
import { formatDateTime, formatDay } from "@/lib/time/format";

const tones = {
  red: "bg-red-100 text-red-900 border-red-300",
  amber: "bg-amber-100 text-amber-900 border-amber-300",
  green: "bg-green-100 text-green-900 border-green-300",
  slate: "bg-slate-100 text-slate-800 border-slate-300",
} as const;

/** A status word with a colour; the word alone carries the meaning (never colour only). */
export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full border px-2.5 py-0.5 text-sm font-medium ${tones[tone]}`}>{children}</span>;
}

const CERTIFICATION_TONE = { PENDING: "slate", ACTIVE: "green", RECERTIFICATION_REQUIRED: "amber", SUSPENDED: "red" } as const;
export type CertificationStatus = keyof typeof CERTIFICATION_LABELS;

export function CertificationBadge({ status }: { status: CertificationStatus }) {
  return <StatusBadge tone={CERTIFICATION_TONE[status]}>{CERTIFICATION_LABELS[status]}</StatusBadge>;
}

/** "23 Nov 2026, 14:05 EST": an instant shown in a site's time zone, with the zone named. */
export function formatInstant(iso: string, timeZone: string): string {
  return formatDateTime(iso, timeZone, { zone: true });
}

export { formatDay };
