// The shape every clinical rule returns: data, not booleans, so the screen, the server's refusal
// and the tests read the same reasons.
export type Strength = "HARD" | "GATE" | "SOFT";

export type Finding = {
  code: string; // e.g. "R19_DEVICE_SPACING"
  rule: string; // REMS.md rule id, e.g. "R19"
  strength: Strength;
  message: string;
  /** When waiting would satisfy the rule, the first instant at which it will be. */
  availableAt?: Date;
  field?: string;
};

export type Decision = { ok: boolean; unmet: Finding[]; warnings: Finding[] };

export function decide(findings: Finding[]): Decision {
  const unmet = findings.filter((f) => f.strength !== "SOFT");
  return { ok: unmet.length === 0, unmet, warnings: findings.filter((f) => f.strength === "SOFT") };
}

export const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;
export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
/** Whole minutes, rounded down (REMS.md §5: minute values on the PMF). */
export const wholeMinutes = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);
