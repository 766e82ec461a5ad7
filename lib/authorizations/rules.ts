// Prior authorizations as pure rules: does an authorization cover a session on a day, how many sessions
// are used and left, and which ones need renewing. Dates are site-local calendar days (YYYY-MM-DD);
// the end date is inclusive.
import { addDays, daysBetween } from "@/lib/time/days";

export type Phase = { sessionsPerWeek: number; weeks: number };
export type AuthorizationFacts = {
  id: string;
  payerName: string;
  reference: string;
  startDate: string;
  endDate: string;
  phases: Phase[];
  sessionsApproved: number;
};

export type CoverageCode = "NOT_STARTED" | "EXPIRED" | "SESSIONS_USED_UP" | "FREQUENCY_EXCEEDED";
export type Coverage =
  | { ok: true; authorizationId: string; sessionsUsed: number; sessionsLeft: number; window: { from: string; to: string; allowed: number; used: number } }
  | { ok: false; authorizationId: string; code: CoverageCode; message: string };

/** The frequency window (7 days from the start date, week by week) holding `day`, and what its phase allows. */
export function frequencyWindow(a: Pick<AuthorizationFacts, "startDate" | "phases">, day: string): { from: string; to: string; allowed: number } {
  const week = Math.floor(daysBetween(a.startDate, day) / 7);
  let first = 0;
  let phase = a.phases[a.phases.length - 1]; // after the listed phases, the last frequency continues to the end date
  for (const p of a.phases) {
    if (week < first + p.weeks) {
      phase = p;
      break;
    }
    first += p.weeks;
  }
  const from = addDays(a.startDate, week * 7);
  return { from, to: addDays(from, 6), allowed: phase.sessionsPerWeek };
}

/** Sessions used: the dosing sessions (or booked visits) on days between the start and end dates, both included. */
export const sessionsUsed = (a: Pick<AuthorizationFacts, "startDate" | "endDate">, days: string[]) =>
  days.filter((d) => d >= a.startDate && d <= a.endDate).length;

/**
 * Does `a` cover one more session on `day`, given the days of the patient's other sessions (`used`:
 * dosing sessions and booked visits, not counting this one)?
 */
export function coverageOn(a: AuthorizationFacts, day: string, used: string[]): Coverage {
  const id = a.id;
  const name = `${a.payerName} authorization ${a.reference}`;
  if (day < a.startDate) return { ok: false, authorizationId: id, code: "NOT_STARTED", message: `${name} starts on ${a.startDate}.` };
  if (day > a.endDate) return { ok: false, authorizationId: id, code: "EXPIRED", message: `${name} ended on ${a.endDate}.` };
  const count = sessionsUsed(a, used);
  if (count >= a.sessionsApproved)
    return { ok: false, authorizationId: id, code: "SESSIONS_USED_UP", message: `${name}: all ${a.sessionsApproved} approved sessions are used or booked.` };
  const w = frequencyWindow(a, day);
  const inWindow = used.filter((d) => d >= w.from && d <= w.to).length;
  if (inWindow >= w.allowed)
    return {
      ok: false,
      authorizationId: id,
      code: "FREQUENCY_EXCEEDED",
      message: `${name} allows ${w.allowed} session${w.allowed === 1 ? "" : "s"} a week, and ${inWindow} ${inWindow === 1 ? "is" : "are"} already used or booked between ${w.from} and ${w.to}.`,
    };
  return { ok: true, authorizationId: id, sessionsUsed: count, sessionsLeft: a.sessionsApproved - count, window: { ...w, used: inWindow } };
}

/** The first authorization that covers the day, or why none does (NO_AUTHORIZATION when none is on file). */
export function coveringAuthorization(
  all: AuthorizationFacts[],
  day: string,
  used: string[],
):
  | { ok: true; coverage: Extract<Coverage, { ok: true }> }
  | { ok: false; code: "NO_AUTHORIZATION"; message: string; reasons: Extract<Coverage, { ok: false }>[] } {
  const results = all.map((a) => coverageOn(a, day, used));
  const hit = results.find((r): r is Extract<Coverage, { ok: true }> => r.ok);
  if (hit) return { ok: true, coverage: hit };
  const reasons = results.filter((r): r is Extract<Coverage, { ok: false }> => !r.ok);
  const message = reasons.length
    ? `No prior authorization covers a session on ${day}: ${reasons.map((r) => r.message).join(" ")}`
    : `No prior authorization is on file for a session on ${day}.`;
  return { ok: false, code: "NO_AUTHORIZATION", message, reasons };
}

export const RENEWAL_DAYS = 14;
export const RENEWAL_SESSIONS_LEFT = 2;

/** Needs renewing: not yet ended, and ending within 14 days (from `today`) or with ≤ 2 sessions left. */
export function renewalDue(
  a: Pick<AuthorizationFacts, "endDate" | "startDate" | "sessionsApproved">,
  today: string,
  usedDays: string[],
): { due: boolean; daysLeft: number; sessionsLeft: number; reasons: string[] } {
  const daysLeft = daysBetween(today, a.endDate);
  const sessionsLeft = Math.max(0, a.sessionsApproved - sessionsUsed(a, usedDays));
  const reasons: string[] = [];
  if (daysLeft >= 0 && daysLeft <= RENEWAL_DAYS) reasons.push(daysLeft === 0 ? "ends today" : `ends in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`);
  if (daysLeft >= 0 && sessionsLeft <= RENEWAL_SESSIONS_LEFT) reasons.push(`${sessionsLeft} session${sessionsLeft === 1 ? "" : "s"} left`);
  return { due: reasons.length > 0, daysLeft, sessionsLeft, reasons };
}

/** "2 a week for 4 weeks, then 1 a week" */
export const describePhases = (phases: Phase[]) =>
  phases
    .map(
      (p, i) =>
        `${p.sessionsPerWeek} a week${i === phases.length - 1 ? (phases.length > 1 ? " after that" : "") : ` for ${p.weeks} week${p.weeks === 1 ? "" : "s"}`}`,
    )
    .join(", then ");
