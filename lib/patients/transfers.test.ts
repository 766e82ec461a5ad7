// Data tests against the real PostgreSQL: R42 treatment transfers, read by the enrollment report.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { addDays, siteDay } from "@/lib/time/days";
import { enrollmentReport } from "@/lib/reports/enrollment";
import { recordTransfer, recordTransferNotice, transfersOf } from "./transfers";
import { transferSchema } from "./transfer-schema";

const today = () => siteDay(new Date(), "America/New_York");

describe("treatment transfers (R42)", () => {
  it("records the transfer with its REMS notice, audited, and the enrollment report lists it", async () => {
    const f = await clinicFixture();
    const input = transferSchema.parse({ toSettingName: "Albany Behavioral Health", transferDate: addDays(today(), 7), remsNotifiedOn: today() });
    const { id, notice } = await recordTransfer(f.psych, f.patient.id, input);
    expect(notice).toBe("notified");
    expect(await transfersOf(f.patient.id)).toEqual([
      { id, toSettingName: "Albany Behavioral Health", transferDate: input.transferDate, remsNotifiedOn: today(), notice: "notified" },
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "patient.transfer", entityId: id } });
    expect(audit).toMatchObject({ actorId: f.psych.id, siteId: f.site.id, patientId: f.patient.id });
    const report = await enrollmentReport([f.site.id]);
    expect(report.transfers.find((t) => t.id === id)).toMatchObject({ to: "Albany Behavioral Health", notifiedOn: today(), notice: "notified" });
  });

  it("takes the notice date later, once; a notice on the transfer day is kept and reported late", async () => {
    const f = await clinicFixture();
    const { id, notice } = await recordTransfer(
      f.psych,
      f.patient.id,
      transferSchema.parse({ toSettingName: "Other certified clinic", transferDate: today() }),
    );
    expect(notice).toBe("not_notified");
    expect((await recordTransferNotice(f.psych, id, today())).notice).toBe("notified_late");
    expect((await refusal(recordTransferNotice(f.psych, id, today()))).status).toBe(409);
    expect(await db().auditEvent.count({ where: { action: "patient.transfer_notice", entityId: id } })).toBe(1);
  });

  it("refuses at the field: no setting name, a notice in the future; nothing saved", async () => {
    const f = await clinicFixture();
    expect(transferSchema.safeParse({ toSettingName: "", transferDate: today() }).error?.issues[0].path).toEqual(["toSettingName"]);
    const e = await refusal(
      recordTransfer(f.psych, f.patient.id, transferSchema.parse({ toSettingName: "Elsewhere", transferDate: today(), remsNotifiedOn: addDays(today(), 2) })),
    );
    expect(e.status).toBe(422);
    expect(e.fieldErrors?.remsNotifiedOn).toBeDefined();
    expect(await db().patientTransfer.count({ where: { patientId: f.patient.id } })).toBe(0);
    expect((await refusal(recordTransfer(f.psych, "no-such-patient", transferSchema.parse({ toSettingName: "X1", transferDate: today() })))).status).toBe(404);
  });
});
