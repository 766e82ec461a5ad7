const tones = {
  red: "bg-red-100 text-red-900 border-red-300",
  amber: "bg-amber-100 text-amber-900 border-amber-300",
  green: "bg-green-100 text-green-900 border-green-300",
  slate: "bg-slate-100 text-slate-800 border-slate-300",
};

export function Badge({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-sm font-medium ${tones[tone]}`}>{children}</span>;
}

export function EnrollmentBadge({ state }: { state: "enrolled" | "not_enrolled" | "not_required" }) {
  if (state === "enrolled") return <Badge tone="green">Enrolled</Badge>;
  if (state === "not_required") return <Badge tone="slate">Not required (inpatient)</Badge>;
  return <Badge tone="red">Not enrolled</Badge>;
}
