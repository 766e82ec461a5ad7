import { Badge } from "@/components/patients/badges";

const CERTIFICATION = { PENDING: ["Pending", "amber"], ACTIVE: ["Active", "green"], RECERTIFICATION_REQUIRED: ["Recertification required", "amber"], SUSPENDED: ["Suspended", "red"] } as const;

export function CertificationBadge({ status }: { status: keyof typeof CERTIFICATION }) {
  const [label, tone] = CERTIFICATION[status];
  return <Badge tone={tone}>{label}</Badge>;
}
