import { Alert } from "@/components/ui/alert";
import type { ReplyAlert } from "@/lib/sessions/client/reply-alerts";

/** How an entry's clinical alerts look, live or sent late from the tablet. */
export function EntryAlerts({ alerts, intro }: { alerts: ReplyAlert[]; intro?: string }) {
  return alerts.map((a) => (
    <Alert key={a.code} tone="error">
      {intro && <span className="block text-sm">{intro}</span>}
      <span className={a.severity === "urgent" ? "font-bold" : ""}>
        {a.severity === "urgent" ? "URGENT: " : ""}
        {a.message}
      </span>
    </Alert>
  ));
}
