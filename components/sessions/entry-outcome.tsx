import { Alert } from "@/components/ui/alert";
import type { EntryOutcome } from "./use-entry";

/**
 * What happened to the last submission of a form, next to that form. Refusals already shown at one of
 * this form's fields (`fields`) are not repeated in the list.
 */
export function EntryOutcomeView({ outcome, saved = "Saved.", fields = [] }: { outcome: EntryOutcome | null; saved?: string; fields?: string[] }) {
  if (!outcome || outcome.kind === "fields") return null;
  if (outcome.kind === "saved") return <Alert tone="success">{saved}</Alert>;
  if (outcome.kind === "draft") return <Alert tone="warning">Saved on this tablet — it will be sent when the connection returns.</Alert>;
  const unmet = outcome.unmet.filter((u) => !u.field || !fields.includes(u.field));
  if (outcome.unmet.length && !unmet.length) return null;
  return (
    <Alert tone="error">
      {unmet.length ? (
        <>
          <p className="font-medium">Not allowed yet:</p>
          <ul className="list-disc pl-5">
            {unmet.map((u) => (
              <li key={u.code}>{u.message}</li>
            ))}
          </ul>
        </>
      ) : (
        outcome.message
      )}
    </Alert>
  );
}
