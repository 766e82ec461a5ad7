// Data tests against the real PostgreSQL: the CSV patient import (dry run, all or nothing, audited).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { refusal } from "@/lib/http/testing/refusal";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { importPatients, previewPatientImport } from "./import";

let n = 0;
const u = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase();
const HEADER =
  "MRN,First name,Last name,Date of birth,Sex,Indication,Enrollment patient signed,Enrollment prescriber signed,Enrollment submitted,Enrollment channel,Enrollment confirmation,Prescriber email";

describe("patient import", () => {
  it("the dry run lists an error per row and field and saves nothing", async () => {
    const f = await clinicFixture();
    const p = u();
    const csv = [
      HEADER,
      `${p}-1,Ann,Lee,1980-01-02,female,TRD,,,,,,`,
      `${p}-2,,Ng,1980-13-02,F,TRD,,,,,,`,
      `${p}-1,Bo,Chu,1975-05-05,MALE,MDSI,,,,,,`,
      `${f.patient.mrn},Cy,Do,1975-05-05,MALE,MDSI,,,,,,`,
      `${p}-5,Di,Eu,1975-05-05,MALE,TRD,2026-01-02,2026-01-02,2026-01-03,ONLINE,C-1,someone@else.example`,
      `${p}-6,Ed,Fo,1975-05-05,MALE,TRD,2026-01-02,,,,,`,
    ].join("\n");
    const r = await previewPatientImport(f.site.id, csv);
    expect(r).toMatchObject({ total: 6, valid: 1 });
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "firstName"],
      [3, "birthDate"],
      [3, "sex"],
      [4, "mrn"],
      [5, "mrn"],
      [6, "prescriberEmail"],
      [7, "prescriberEmail"],
    ]);
    expect(r.errors.find((e) => e.line === 4)!.message).toBe("The same MRN is on line 2");
    expect(r.errors.find((e) => e.line === 5)!.message).toBe("A patient with this MRN already exists at this site");
    expect(await db().patient.count({ where: { siteId: f.site.id } })).toBe(1);
  });

  it("a file with one bad row imports nothing (422, no audit row)", async () => {
    const f = await clinicFixture();
    const p = u();
    const csv = [HEADER, `${p}-1,Ann,Lee,1980-01-02,FEMALE,TRD,,,,,,`, `${p}-2,Bea,Ng,2020-01-01,FEMALE,TRD,,,,,,`].join("\n");
    const e = await refusal(importPatients(f.nurse, f.site.id, csv));
    expect(e.status).toBe(422);
    expect(e.message).toBe("1 problem in the file: nothing was imported.");
    expect((e.details as { errors: { line: number; field: string; message: string }[] }).errors).toEqual([
      { line: 3, field: "birthDate", message: "SPRAVATO is for adults: the patient must be 18 or older" },
    ]);
    expect(await db().patient.count({ where: { siteId: f.site.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "patient.import", siteId: f.site.id } })).toBe(0);
  });

  it("imports every patient and enrollment in one transaction with one audit row; the enrollment counts for the gate", async () => {
    const f = await clinicFixture();
    const p = u();
    const psychEmail = (await db().user.findUniqueOrThrow({ where: { id: f.psych.id } })).email;
    const csv = [
      HEADER,
      `${p}-1,Ann,Lee,1980-01-02,FEMALE,TRD,2026-01-02,2026-01-02,2026-01-03,online,REMS-123,${psychEmail.toUpperCase()}`,
      `${p}-2,Bea,Ng,1970-03-04,MALE,MDSI,,,,,,`,
    ].join("\r\n");
    const progress: number[] = [];
    expect(await importPatients(f.nurse, f.site.id, csv, (done) => progress.push(done))).toEqual({ imported: 2, enrollments: 1 });
    expect(progress).toEqual([2]);
    const ann = await db().patient.findFirstOrThrow({ where: { siteId: f.site.id, mrn: `${p}-1` }, include: { enrollments: true } });
    expect(ann).toMatchObject({ firstName: "Ann", sex: "FEMALE", indication: "TRD" });
    expect(ann.enrollments[0]).toMatchObject({
      prescriberId: f.psych.id,
      channel: "ONLINE",
      remsConfirmation: "REMS-123",
      recordedById: f.nurse.id,
      supersedesId: null,
    });
    expect(ann.enrollments[0].submittedAt!.toISOString()).toBe("2026-01-03T05:00:00.000Z"); // start of the site's day
    const audit = await db().auditEvent.findMany({ where: { action: "patient.import", siteId: f.site.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ imported: 2, enrollments: 1, mrns: [`${p}-1`, `${p}-2`] });
    // Importing the same file again: every MRN is now taken.
    expect((await refusal(importPatients(f.nurse, f.site.id, csv))).status).toBe(422);
  });

  it("checks each enrollment as the patient page does (R6): submitted before a signature is an error at its column, nothing imported", async () => {
    const f = await clinicFixture();
    const p = u();
    const psychEmail = (await db().user.findUniqueOrThrow({ where: { id: f.psych.id } })).email;
    const nurseEmail = (await db().user.findUniqueOrThrow({ where: { id: f.nurse.id } })).email;
    const csv = [
      HEADER,
      `${p}-1,Ann,Lee,1980-01-02,FEMALE,TRD,2026-01-05,2026-01-02,2026-01-03,FAX,R-1,${psychEmail}`,
      `${p}-2,Bea,Ng,1970-03-04,MALE,MDSI,2026-01-02,2026-01-02,2026-01-03,FAX,R-2,${nurseEmail}`,
      `${p}-3,Cy,Do,1970-03-04,MALE,MDSI,2026-01-02,2026-01-02,2026-01-03,FAX,R-3,${psychEmail}`,
    ].join("\n");
    const e = await refusal(importPatients(f.nurse, f.site.id, csv));
    expect(e.status).toBe(422);
    expect((e.details as { errors: { line: number; field: string; message: string }[] }).errors).toEqual([
      { line: 2, field: "enrollmentSubmitted", message: "Submitted before the patient signed: check the dates" },
      { line: 3, field: "prescriberEmail", message: "No psychiatrist of this site has this email" },
    ]);
    expect(await db().patient.count({ where: { siteId: f.site.id } })).toBe(1);
    expect(await db().remsEnrollment.count({ where: { siteId: f.site.id, patientId: { not: f.patient.id } } })).toBe(0);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const f = await clinicFixture();
    const e = await refusal(previewPatientImport(f.site.id, "MRN,First name\nX1,Ann\n"));
    expect(e.status).toBe(422);
    expect(e.message).toContain("missing: last_name, birth_date, sex, indication");
  });
});
