import { Alert } from "@/components/ui/alert";

/** R6 and R7 as the patient page states them: what still keeps the first device back, or that nothing does. */
export function DosingGate({
  enrollmentRequired,
  enrolled,
  counselled,
  firstSessionAhead,
}: {
  enrollmentRequired: boolean;
  enrolled: boolean;
  counselled: boolean;
  firstSessionAhead: boolean;
}) {
  if (!enrollmentRequired) return null;
  const blocks = [
    !enrolled && "the Patient Enrollment Form is not complete (signed by patient and prescriber, submitted to the REMS and confirmed)",
    firstSessionAhead && !counselled && "the patient has not been counselled on every REMS topic",
  ].filter(Boolean);
  return (
    <div className="mb-4" data-testid="dosing-gate">
      {blocks.length ? (
        <Alert tone="error">Dosing is blocked: {blocks.join("; and ")}.</Alert>
      ) : (
        <Alert tone="success">REMS enrollment and counselling are complete: the patient may be dosed.</Alert>
      )}
    </div>
  );
}
