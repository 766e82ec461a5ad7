// R49: clinical times are bounded. Pure: the commands and the forms call the same rule.

export const DEFAULT_LATE_ENTRY_MINUTES = 10;

export type ClinicalTimeContext = {
  /** Now by the server's clock. */
  now: Date;
  /** The session's check-in, stamped by the server. */
  checkedInAt: Date;
  /** Site setting: an entry more than this many minutes after its clinical time is late (R49). */
  lateEntryMinutes: number;
  /** A session documented wholly after the fact (paper downtime) is not "late" entry by entry. */
  backEntered?: boolean;
};

/** A session's R49 bounds at `now`, from its row: a session never checked in has no past to document (its bound is now). */
export function clinicalTimeContext(s: { checkedInAt: Date | null; lateEntryMinutes: number; backEntered: boolean }, now: Date): ClinicalTimeContext {
  return { now, checkedInAt: s.checkedInAt ?? now, lateEntryMinutes: s.lateEntryMinutes, backEntered: s.backEntered };
}

export type ClinicalTimeCheck = { ok: true; at: Date; late: boolean } | { ok: false; field: string; message: string };

/** How far back a downtime session may be documented: past this, a PMF would long be overdue (R37). */
export const BACK_ENTRY_MAX_DAYS = 30;

export const LATE_REASON_MESSAGE = "Give the reason for late entry";

/** Is an entry made at `now` for clinical time `at` a late entry (more than the threshold before now)? */
export function isLateEntry(at: Date, ctx: Pick<ClinicalTimeContext, "now" | "lateEntryMinutes" | "backEntered">): boolean {
  if (ctx.backEntered) return false;
  return ctx.now.getTime() - at.getTime() > ctx.lateEntryMinutes * 60_000;
}

/**
 * A clinical time (absent = now) is never in the future and never before check-in; a late one needs a reason.
 * `field` names the form field the message belongs to.
 */
export function checkClinicalTime(at: Date | undefined | null, ctx: ClinicalTimeContext, field: string, lateReason?: string | null): ClinicalTimeCheck {
  const t = at ?? ctx.now;
  if (Number.isNaN(t.getTime())) return { ok: false, field, message: "Enter a valid time" };
  if (t.getTime() > ctx.now.getTime()) return { ok: false, field, message: "This time is in the future" };
  if (t.getTime() < ctx.checkedInAt.getTime()) return { ok: false, field, message: "This time is before the patient's check-in" };
  const late = isLateEntry(t, ctx);
  if (late && !lateReason?.trim()) return { ok: false, field: "lateReason", message: LATE_REASON_MESSAGE };
  return { ok: true, at: t, late };
}

/** A resolution is never before its onset (and is itself a bounded clinical time). */
export function checkResolution(resolvedAt: Date | undefined | null, onsetAt: Date, ctx: ClinicalTimeContext, lateReason?: string | null): ClinicalTimeCheck {
  const c = checkClinicalTime(resolvedAt, ctx, "resolvedAt", lateReason);
  if (c.ok && c.at.getTime() < onsetAt.getTime()) return { ok: false, field: "resolvedAt", message: "The event cannot end before its onset" };
  return c;
}

/** The check-in of a back-entered session: in the past, and not older than BACK_ENTRY_MAX_DAYS. */
export function checkBackEntryCheckIn(at: Date, now: Date): ClinicalTimeCheck {
  const field = "checkedInAt";
  if (Number.isNaN(at.getTime())) return { ok: false, field, message: "Enter a valid time" };
  if (at.getTime() > now.getTime()) return { ok: false, field, message: "This time is in the future" };
  if (now.getTime() - at.getTime() > BACK_ENTRY_MAX_DAYS * 86_400_000)
    return { ok: false, field, message: `Back-entry covers the last ${BACK_ENTRY_MAX_DAYS} days` };
  return { ok: true, at, late: false };
}
