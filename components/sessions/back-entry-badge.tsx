import { Badge } from "@/components/patients/badges";

/** R49: a session documented after the fact (paper downtime) is marked wherever it is listed. */
export function BackEntryBadge({ reason }: { reason: string | null | undefined }) {
  if (!reason) return null;
  return (
    <span title={reason} className="ml-2 inline-block align-middle">
      <Badge tone="amber">Back-entry</Badge>
    </span>
  );
}
