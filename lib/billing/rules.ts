// A session's billing lines, derived from the record (never re-keyed): the codes in force on the date of service
// for the patient's payer type and the dose given, from the effective-dated code table.
export type PayerType = "MEDICARE" | "MEDICAID" | "COMMERCIAL" | "SELF_PAY" | "OTHER";

export const PAYER_TYPE_LABELS: Record<PayerType, string> = {
  MEDICARE: "Medicare",
  MEDICAID: "Medicaid",
  COMMERCIAL: "Commercial insurance",
  SELF_PAY: "Self-pay",
  OTHER: "Other payer",
};

export type BillingCodeRow = {
  code: string;
  description: string;
  kind: "SERVICE" | "DRUG";
  payerTypes: readonly PayerType[];
  minDoseMg: number | null;
  maxDoseMg: number | null;
  unitMg: number | null;
  /** Calendar days, YYYY-MM-DD; effectiveTo inclusive, null = open. */
  effectiveFrom: string;
  effectiveTo: string | null;
  notWith: readonly string[];
};

export type BillableSession = {
  /** Site-local calendar day of the first device (YYYY-MM-DD). */
  dateOfService: string;
  /** Devices given and not entered in error × mg per device; 0 when nothing was given. */
  doseGivenMg: number;
  plannedDoseMg: number | null;
  payerType: PayerType | null;
  renderingClinician: string | null;
  supervisingClinician: string | null;
};

export type BillingLine = {
  code: string;
  description: string;
  units: number;
  doseMg: number;
  dateOfService: string;
  renderingClinician: string | null;
  supervisingClinician: string | null;
};
export type BillingSummary = { lines: BillingLine[]; flags: string[] };

export const inForce = (c: Pick<BillingCodeRow, "effectiveFrom" | "effectiveTo">, day: string) =>
  c.effectiveFrom <= day && (c.effectiveTo === null || day <= c.effectiveTo);

export function billingSummary(s: BillableSession, table: readonly BillingCodeRow[]): BillingSummary {
  const flags: string[] = [];
  if (s.doseGivenMg <= 0) return { lines: [], flags: ["No device was given: nothing to bill for this session."] };
  if (!s.payerType) return { lines: [], flags: ["The patient's primary payer type is not recorded: record it on the patient's details to bill this session."] };
  const codes = table.filter(
    (c) =>
      inForce(c, s.dateOfService) &&
      c.payerTypes.includes(s.payerType!) &&
      (c.minDoseMg === null || s.doseGivenMg >= c.minDoseMg) &&
      (c.maxDoseMg === null || s.doseGivenMg <= c.maxDoseMg),
  );
  if (!codes.length)
    flags.push(
      `No billing code in the table applies to a ${PAYER_TYPE_LABELS[s.payerType].toLowerCase()} patient given ${s.doseGivenMg} mg on ${s.dateOfService}.`,
    );
  const lines = codes.map((c) => ({
    code: c.code,
    description: c.description,
    doseMg: s.doseGivenMg,
    dateOfService: s.dateOfService,
    units: c.kind === "DRUG" ? Math.ceil(s.doseGivenMg / (c.unitMg ?? 1)) : 1,
    renderingClinician: s.renderingClinician,
    supervisingClinician: s.supervisingClinician,
  }));
  const billed = new Set(lines.map((l) => l.code));
  for (const c of codes) {
    const clash = c.notWith.filter((other) => billed.has(other));
    if (clash.length) flags.push(`${c.code} must not be billed with ${clash.join(", ")} on the same claim.`);
    else if (c.notWith.length) flags.push(`${c.code} is not billed together with ${c.notWith.join(", ")} on the same claim.`);
  }
  if (s.plannedDoseMg !== null && s.plannedDoseMg !== s.doseGivenMg)
    flags.push(`Billed for the ${s.doseGivenMg} mg given, not the ${s.plannedDoseMg} mg planned.`);
  if (!s.supervisingClinician) flags.push("No prescriber on site is recorded for this session.");
  return { lines, flags };
}
