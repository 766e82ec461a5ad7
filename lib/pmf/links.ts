// R38: how a form and its amendment point at each other, in words, for the printed form.
// Days of instants (submitted, created) are the site's calendar days, never the UTC day.
import { formatDate, formatDay } from "@/lib/time/format";
export type AmendmentLinks = {
  amends?: { id: string; submittedAt: Date | null; confirmation: string | null } | null;
  amendmentReason?: string | null;
  amendedBy?: { id: string; createdAt: Date; status: string } | null;
};

export function amendmentNotes(l: AmendmentLinks, timeZone: string): string[] {
  const day = (d: Date | null) => (d ? formatDate(d, timeZone) : "an unknown date");
  const notes: string[] = [];
  if (l.amends)
    notes.push(
      `AMENDMENT of form ${l.amends.id}, submitted ${day(l.amends.submittedAt)} (confirmation ${l.amends.confirmation ?? "none"}). Reason: ${l.amendmentReason ?? "—"}`,
    );
  if (l.amendedBy)
    notes.push(
      `AMENDED: this submitted form is unchanged; it is corrected by form ${l.amendedBy.id} of ${day(l.amendedBy.createdAt)} (${l.amendedBy.status.toLowerCase()}).`,
    );
  return notes;
}

export type PmfHeading = {
  formVersion: string;
  status: string;
  dueDate: string;
  submittedAt: Date | null;
  channel: string | null;
  confirmation: string | null;
};

/** "Form version … · status … · due 5 Dec 2026 · submitted 4 Dec 2026 (fax, …)": the submitted day in the site's calendar. */
export function pmfStatusLine(f: PmfHeading, timeZone: string): string {
  return (
    `Form version ${f.formVersion} · status ${f.status.toLowerCase()} · due ${formatDay(f.dueDate)}` +
    (f.submittedAt ? ` · submitted ${formatDate(f.submittedAt, timeZone)} (${f.channel?.toLowerCase()}, ${f.confirmation ?? "no confirmation"})` : "")
  );
}
