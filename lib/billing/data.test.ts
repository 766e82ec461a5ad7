// Data tests against the real PostgreSQL: billing lines of sessions run through the real chair-side commands.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db/client";
import { siteDay } from "@/lib/time/days";
import { dischargedSession } from "@/lib/reports/testing/discharged-session";
import { HttpError } from "@/lib/http/errors";
import { addBillingCode, billingCsvStream, billingSessionCount, endBillingCode, sessionBilling } from "./data";
import { billingCodeSchema, endBillingCodeSchema } from "./schema";

const admin = { id: "billing-admin", email: "billing-admin@test.example", role: "ADMIN" };
const csvOf = async (stream: ReadableStream<Uint8Array>) => parse(await new Response(stream).text(), { columns: true }) as Record<string, string>[];
const error = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as HttpError,
  );

describe("a session's billing lines come from its record", () => {
  it("Medicare: G2082 for the 56 mg given, with the clinicians; commercial: J0013 × 56; a device entered in error lowers the dose billed", async () => {
    const c = await dischargedSession();
    expect((await sessionBilling(c.sessionId))!.flags[0]).toMatch(/payer type is not recorded/);

    await db().patient.update({ where: { id: c.patient.id }, data: { primaryPayerType: "MEDICARE" } });
    const medicare = (await sessionBilling(c.sessionId))!;
    expect(medicare.lines).toEqual([
      expect.objectContaining({ code: "G2082", units: 1, doseMg: 56, renderingClinician: "nurse Test", supervisingClinician: "psych Test" }),
    ]);
    expect(medicare.dateOfService).toBe(siteDay(new Date(Date.now() - 125 * 60_000), "America/New_York"));

    await db().patient.update({ where: { id: c.patient.id }, data: { primaryPayerType: "COMMERCIAL" } });
    expect((await sessionBilling(c.sessionId))!.lines.map((l) => `${l.code}×${l.units}`)).toEqual(["J0013×56"]);

    await db().deviceAdministration.updateMany({
      where: { sessionId: c.sessionId, sequence: 2 },
      data: { enteredInErrorAt: new Date(), enteredInErrorReason: "test" },
    });
    const corrected = (await sessionBilling(c.sessionId))!;
    expect(corrected.lines.map((l) => `${l.code}×${l.units}`)).toEqual(["J0013×28"]);
    expect(corrected.flags).toContain("Billed for the 28 mg given, not the 56 mg planned.");
  });

  it("the CSV of a site and range has one row per line, neutralises formulas, and leaves out other days and other sites", async () => {
    const c = await dischargedSession();
    await db().patient.update({ where: { id: c.patient.id }, data: { primaryPayerType: "MEDICARE", lastName: '=HYPERLINK("x")' } });
    const other = await dischargedSession();
    const day = (await sessionBilling(c.sessionId))!.dateOfService;
    const q = { site: c.site.id, from: day, to: day };
    expect(await billingSessionCount([c.site.id], q)).toBe(1);
    const rows = await csvOf(billingCsvStream([c.site.id], q));
    expect(rows).toEqual([
      expect.objectContaining({
        sessionId: c.sessionId,
        code: "G2082",
        units: "1",
        doseMg: "56",
        payerType: "MEDICARE",
        dateOfService: day,
        mrn: c.patient.mrn,
      }),
    ]);
    expect(rows[0].patient.startsWith("'=HYPERLINK")).toBe(true);
    expect(rows.some((r) => r.sessionId === other.sessionId)).toBe(false);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(await csvOf(billingCsvStream([c.site.id], { from: dayBefore, to: dayBefore }))).toEqual([]);
  });
});

describe("the billing-code table", () => {
  it("adds a row, refuses the same code in force twice for a payer, ends a row (not before its first day, once), all audited", async () => {
    const code = `Z${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
    const row = (over: Record<string, unknown> = {}) =>
      billingCodeSchema.parse({ code, description: "Test service", kind: "SERVICE", payerTypes: ["OTHER"], effectiveFrom: "2026-01-01", ...over });
    const { id } = await addBillingCode(admin, row());
    const clash = await error(addBillingCode(admin, row({ effectiveFrom: "2026-06-01" })));
    expect(clash.status).toBe(422);
    expect(clash.fieldErrors?.effectiveFrom?.[0]).toMatch(/already in force/);

    expect((await error(endBillingCode(admin, id, endBillingCodeSchema.parse({ effectiveTo: "2025-12-31", reason: "Too early" })))).status).toBe(422);
    await endBillingCode(admin, id, endBillingCodeSchema.parse({ effectiveTo: "2026-05-31", reason: "Replaced by the payer's new code" }));
    expect((await error(endBillingCode(admin, id, endBillingCodeSchema.parse({ effectiveTo: "2026-06-30", reason: "Again" })))).status).toBe(409);
    await addBillingCode(admin, row({ effectiveFrom: "2026-06-01" }));

    const audit = await db().auditEvent.findMany({
      where: { entityType: "BillingCode", entityId: id },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true, reason: true },
    });
    expect(audit).toEqual([
      { action: "billing_code.create", reason: null },
      { action: "billing_code.end", reason: "Replaced by the payer's new code" },
    ]);
  });

  it("the schema refuses a drug line without units, reversed dates and doses, and bad code lists, at the field", () => {
    const r = billingCodeSchema.safeParse({
      code: "j0013",
      description: "Drug",
      kind: "DRUG",
      payerTypes: [],
      minDoseMg: 84,
      maxDoseMg: 56,
      effectiveFrom: "2026-02-01",
      effectiveTo: "2026-01-01",
      notWith: "99415, =1",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["payerTypes", "notWith"]));
    const ok = billingCodeSchema.parse({
      code: "j0013",
      description: "Drug",
      kind: "DRUG",
      payerTypes: ["COMMERCIAL"],
      unitMg: 1,
      effectiveFrom: "2026-02-01",
      notWith: "99415; g2212",
    });
    expect(ok).toMatchObject({ code: "J0013", unitMg: 1, notWith: ["99415", "G2212"] });
    const refined = billingCodeSchema.safeParse({
      code: "J0013",
      description: "Drug",
      kind: "DRUG",
      payerTypes: ["COMMERCIAL"],
      minDoseMg: 84,
      maxDoseMg: 56,
      effectiveFrom: "2026-02-01",
      effectiveTo: "2026-01-01",
    });
    expect(refined.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["maxDoseMg", "effectiveTo", "unitMg"]));
  });
});
