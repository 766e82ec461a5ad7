// R38: how a form and its amendment point at each other, in words, for the printed form.
export type AmendmentLinks = {
  amends?: { id: string; submittedAt: Date | null; confirmation: string | null } | null;
  amendmentReason?: string | null;
  amendedBy?: { id: string; createdAt: Date; status: string } | null;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "an unknown date");

export function amendmentNotes(l: AmendmentLinks): string[] {
  const notes: string[] = [];
  if (l.amends)
    notes.push(`AMENDMENT of form ${l.amends.id}, submitted ${day(l.amends.submittedAt)} (confirmation ${l.amends.confirmation ?? "none"}). Reason: ${l.amendmentReason ?? "—"}`);
  if (l.amendedBy)
    notes.push(`AMENDED: this submitted form is unchanged; it is corrected by form ${l.amendedBy.id} of ${day(l.amendedBy.createdAt)} (${l.amendedBy.status.toLowerCase()}).`);
  return notes;
}
