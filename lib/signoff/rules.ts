// Electronic sign-off of a session (issue 5, designed to the bar of 21 CFR Part 11).
export const SIGNATURE_MEANINGS = {
  REVIEWED: "Reviewed",
  APPROVED_DISCHARGE: "Approved discharge decision",
} as const;
export type SignatureMeaning = keyof typeof SIGNATURE_MEANINGS;

const CLOSED = ["DISCHARGED", "EMERGENCY_TRANSFER"];

/** Why this session cannot be signed with this meaning now; empty when it can. */
export function signOffProblems(status: string, alreadySigned: boolean, meaning: SignatureMeaning, openAdverseEvents = 0): string[] {
  const problems: string[] = [];
  if (alreadySigned) problems.push("This session is already signed.");
  if (openAdverseEvents > 0)
    problems.push(
      `${openAdverseEvents === 1 ? "An adverse event is" : `${openAdverseEvents} adverse events are`} still open: record how it ended before signing.`,
    );
  if (!CLOSED.includes(status)) problems.push("Only a discharged or transferred session can be signed: monitoring is still open.");
  else if (meaning === "APPROVED_DISCHARGE" && status !== "DISCHARGED")
    problems.push("This session ended in an emergency transfer: there is no discharge decision to approve.");
  return problems;
}

/** An amendment corrects a closed session; an open session is corrected in place (entered in error and a new entry). */
export const mayAmend = (status: string) => CLOSED.includes(status);

export type SignatureState = "valid" | "changed";

/** The stored hash against the hash of the content as it is now. */
export const signatureState = (storedHash: string, currentHash: string): SignatureState => (storedHash === currentHash ? "valid" : "changed");
