import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addDays, siteDay } from "@/lib/time/days";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { authorizationsFor, recordAuthorization, renewalList } from "./data";

const today = () => siteDay(new Date(), "America/New_York");

describe("prior authorizations on the record", () => {
  it("sessions used are counted from the record: dosing sessions between the dates (end inclusive), not ones that did not dose", async () => {
    const c = await clinicFixture();
    const start = addDays(today(), -20);
    const end = addDays(today(), 40);
    const { id } = await recordAuthorization(c.psych, c.patient.id, {
      payerName: "Acme Health",
      reference: "PA-77",
      startDate: start,
      endDate: end,
      phases: [
        { sessionsPerWeek: 2, weeks: 4 },
        { sessionsPerWeek: 1, weeks: 8 },
      ],
      sessionsApproved: 10,
    });
    const session = (d: string, status: "DISCHARGED" | "NOT_DOSED") =>
      db().treatmentSession.create({
        data: { patientId: c.patient.id, siteId: c.site.id, status, treatmentDate: new Date(`${d}T00:00:00Z`), checkedInAt: new Date(`${d}T14:00:00Z`) },
      });
    await session(addDays(start, -1), "DISCHARGED"); // before the start
    await session(start, "DISCHARGED");
    await session(addDays(start, 3), "DISCHARGED");
    await session(addDays(start, 7), "NOT_DOSED");
    const r = (await authorizationsFor(c.patient.id))!;
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      id,
      sessionsUsed: 2,
      sessionsLeft: 8,
      state: "current",
      frequency: "2 a week for 4 weeks, then 1 a week after that",
      renewal: [],
    });
    expect(await db().auditEvent.count({ where: { entityType: "PriorAuthorization", entityId: id, action: "authorization.record" } })).toBe(1);
  });

  it("the renewal list has the one ending within 14 days and the one with 2 sessions left, not the one with time and sessions to spare", async () => {
    const c = await clinicFixture();
    const base = { payerName: "Acme Health", phases: [{ sessionsPerWeek: 2, weeks: 12 }], startDate: addDays(today(), -30) };
    await recordAuthorization(c.psych, c.patient.id, { ...base, reference: "ENDS-SOON", endDate: addDays(today(), 10), sessionsApproved: 20 });
    await recordAuthorization(c.psych, c.patient.id, { ...base, reference: "FEW-LEFT", endDate: addDays(today(), 60), sessionsApproved: 3 });
    await recordAuthorization(c.psych, c.patient.id, { ...base, reference: "FINE", endDate: addDays(today(), 60), sessionsApproved: 30 });
    await recordAuthorization(c.psych, c.patient.id, { ...base, reference: "ENDED", endDate: addDays(today(), -1), sessionsApproved: 30 });
    await db().treatmentSession.create({
      data: { patientId: c.patient.id, siteId: c.site.id, status: "DISCHARGED", treatmentDate: new Date(`${addDays(today(), -5)}T00:00:00Z`) },
    });
    const list = (await renewalList([c.site.id])).map((r) => [r.reference, r.renewal]);
    expect(list).toEqual([
      ["ENDS-SOON", ["ends in 10 days"]],
      ["FEW-LEFT", ["2 sessions left"]],
    ]);
    const other = await clinicFixture();
    expect(await renewalList([other.site.id])).toEqual([]);
  });
});
