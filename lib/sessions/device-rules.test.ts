import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { deviceReadiness, doseCheck, dosingStatus, earliestUsableExpiry, scheduleChecks } from "./device-rules";
import type { SessionFacts } from "./facts";
import { device, readySession, vital } from "./testing/session-fixture";

const T0 = new Date("2026-11-23T14:00:00Z");
const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000);
const lot = { lotNumber: "24A118", lotExpiresOn: "2027-06-30" };
const codes = (d: { unmet: { code: string }[] }) => d.unmet.map((u) => u.code);
const warnings = (d: { warnings: { code: string }[] }) => d.warnings.map((u) => u.code);
/** A session checked in and ready for its first device at T0. */
const beforeDosing = (over: Partial<SessionFacts> = {}) =>
  readySession(T0, { status: "CHECKED_IN", devices: [], sedation: [], dissociation: [], vitals: [vital(at(-10), "PRE_DOSE", 128, 80, 98)], ...over });

describe("the first device carries every pre-dose rule", () => {
  it("is allowed for an enrolled, counselled, checked patient", () => {
    const d = deviceReadiness(beforeDosing(), { administeredAt: T0, ...lot }, at(1));
    expect(d.unmet).toEqual([]);
  });

  it("is refused for an outpatient not enrolled in the REMS, with no override (R6)", () => {
    const f = beforeDosing();
    f.patient.enrollment = null;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R6_NOT_ENROLLED"]);
  });

  it("is refused when the enrollment was submitted after the device time (R6)", () => {
    const f = beforeDosing();
    f.patient.enrollment!.submittedAt = at(1);
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(2)))).toEqual(["R6_NOT_ENROLLED"]);
  });

  it("needs no enrollment at an inpatient unit (R3)", () => {
    const f = beforeDosing();
    f.site.settingType = "INPATIENT";
    f.patient.enrollment = null;
    f.patient.counselledAt = null;
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
  });

  it("follows a REMS change that switches the enrollment gate off (R45)", () => {
    const f = beforeDosing({ params: { ...readySession(T0).params, enrollmentGateEnabled: false } });
    f.patient.enrollment = null;
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
  });

  it("needs counselling before the first session only (R7)", () => {
    const f = beforeDosing();
    f.patient.counselledAt = null;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R7_NOT_COUNSELLED"]);
    f.patient.priorDosedSessions = [{ treatmentDate: "2026-11-19", t0: new Date("2026-11-19T14:00:00Z"), doseMg: 56, indication: "TRD" }];
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
  });

  it("is blocked by a contraindication (R8) and by an inactive certification or missing oximeter (R1, R5)", () => {
    const f = beforeDosing();
    f.patient.contraindications = ["ARTERIOVENOUS_MALFORMATION"];
    f.site.certificationStatus = "SUSPENDED";
    f.site.pulseOximeterAttested = false;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(
      expect.arrayContaining(["R8_CONTRAINDICATION", "R1_SITE_NOT_CERTIFIED", "R5_NO_PULSE_OXIMETER"]),
    );
  });

  it("only warns while the site awaits re-certification after an AR change (R2)", () => {
    const f = beforeDosing();
    f.site.certificationStatus = "RECERTIFICATION_REQUIRED";
    const d = deviceReadiness(f, { administeredAt: T0, ...lot }, at(1));
    expect(d.ok).toBe(true);
    expect(warnings(d)).toContain("R2_RECERTIFICATION");
  });

  it("blocks dosing while re-certification is required when the clinic chose that (R2)", () => {
    const f = beforeDosing();
    f.site.certificationStatus = "RECERTIFICATION_REQUIRED";
    f.site.recertificationBlocksDosing = true;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R2_RECERTIFICATION"]);
  });

  it("needs the prescriber on site (R4) and a ride home (R11)", () => {
    const f = beforeDosing({ prescriberOnSite: false });
    f.checklist!.rideType = "NONE";
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(expect.arrayContaining(["R4_NO_PRESCRIBER", "R11_NO_RIDE"]));
  });

  it("gates a caution flagged since the last session until a prescriber proceeds (R9)", () => {
    const f = beforeDosing();
    f.patient.cautions = [{ kind: "BIPOLAR_WITHOUT_MOOD_STABILIZER", recordedAt: at(-60 * 24) }];
    const d = deviceReadiness(f, { administeredAt: T0, ...lot }, at(1));
    expect(d.unmet).toMatchObject([{ code: "R9_GATE", strength: "GATE" }]);
    expect(d.unmet[0].message).toContain("caution on record before the first session: bipolar disorder without a mood stabilizer");
    f.decisions = [{ rule: "R9", decision: "PROCEED", decidedAt: at(-5) }];
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
    f.decisions = [{ rule: "R9", decision: "DELAY", decidedAt: at(-5) }];
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R9_DELAYED"]);
  });

  it("gates a pregnancy reported on today's checklist until a prescriber decides (R9)", () => {
    const f = beforeDosing();
    f.checklist!.pregnancyStatus = "PREGNANT";
    const d = deviceReadiness(f, { administeredAt: T0, ...lot }, at(1));
    expect(d.unmet).toMatchObject([{ code: "R9_GATE", strength: "GATE" }]);
    expect(d.unmet[0].message).toContain("pregnancy reported today");
    f.decisions = [{ rule: "R9", decision: "PROCEED", decidedAt: at(-2) }];
    expect(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
  });

  it("gates a pre-dose BP above 140/90 (R14): 140/90 passes, 141/90 and 140/91 do not", () => {
    const withBp = (s: number, d: number) => beforeDosing({ vitals: [vital(at(-10), "PRE_DOSE", s, d, 98)] });
    expect(deviceReadiness(withBp(140, 90), { administeredAt: T0, ...lot }, at(1)).ok).toBe(true);
    expect(codes(deviceReadiness(withBp(141, 90), { administeredAt: T0, ...lot }, at(1)))).toEqual(["R14_GATE"]);
    expect(codes(deviceReadiness(withBp(140, 91), { administeredAt: T0, ...lot }, at(1)))).toEqual(["R14_GATE"]);
  });

  it("a proceed decision taken before a newer elevated reading does not cover it (R14)", () => {
    const f = beforeDosing({
      vitals: [vital(at(-20), "PRE_DOSE", 150, 95, 98), vital(at(-5), "PRE_DOSE", 152, 96, 98)],
      decisions: [{ rule: "R14", decision: "PROCEED", decidedAt: at(-15) }],
    });
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R14_GATE"]);
  });

  it("blocks dosing above the clinic's own ceiling until a repeat reading is under it (R15)", () => {
    const f = beforeDosing({ vitals: [vital(at(-10), "PRE_DOSE", 165, 85, 98)], decisions: [{ rule: "R14", decision: "PROCEED", decidedAt: at(-8) }] });
    f.site.preDoseCeilingSystolic = 160;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R15_ABOVE_CEILING"]);
    f.vitals.push(vital(at(-3), "PRE_DOSE", 158, 85, 98));
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R14_GATE"]); // new elevated reading → new decision
  });

  it("needs a pre-dose BP and SpO₂ taken before the device (R13, R27)", () => {
    expect(codes(deviceReadiness(beforeDosing({ vitals: [] }), { administeredAt: T0, ...lot }, at(1)))).toEqual(["R13_NO_PRE_DOSE_BP"]);
    expect(codes(deviceReadiness(beforeDosing({ vitals: [vital(at(-10), "PRE_DOSE", 128, 80, null)] }), { administeredAt: T0, ...lot }, at(1)))).toEqual([
      "R27_NO_BASELINE_SPO2",
    ]);
  });

  it("warns about food, liquid and nasal medication timing with the earliest compliant time (R12)", () => {
    const f = beforeDosing();
    f.checklist!.lastFoodAt = at(-119);
    f.checklist!.lastLiquidAt = at(-29);
    f.checklist!.nasalMedicationAt = at(-30);
    const d = deviceReadiness(f, { administeredAt: T0, ...lot }, at(1));
    expect(d.ok).toBe(true);
    expect(warnings(d)).toEqual(["R12_FOOD", "R12_LIQUID", "R12_NASAL_MED"]);
    expect(d.warnings[2].availableAt).toEqual(at(30));
    expect(d.warnings[2].message).toContain("09:30"); // 14:30Z in New York
  });

  it("needs today's medication answers confirmed (R16)", () => {
    const f = beforeDosing();
    f.checklist!.conmedConfirmedAt = null;
    expect(codes(deviceReadiness(f, { administeredAt: T0, ...lot }, at(1)))).toEqual(["R16_CONMED_UNCONFIRMED"]);
  });
});

describe("devices after the first", () => {
  const dosing = () => beforeDosing({ status: "DOSING", devices: [device(1, T0)] });

  it("refuses a device 4:59 after the previous and accepts one at 5:00 (R19)", () => {
    const early = deviceReadiness(dosing(), { administeredAt: at(4, 59), ...lot }, at(6));
    expect(codes(early)).toEqual(["R19_DEVICE_SPACING"]);
    expect(early.unmet[0].availableAt).toEqual(at(5));
    expect(deviceReadiness(dosing(), { administeredAt: at(5), ...lot }, at(6)).ok).toBe(true);
  });

  it("refuses a third device for 56 mg and a fourth for 84 mg (R18)", () => {
    const f = dosing();
    f.devices.push(device(2, at(5)));
    expect(codes(deviceReadiness(f, { administeredAt: at(10), ...lot }, at(11)))).toEqual(["R18_TOO_MANY_DEVICES"]);
    f.plannedDoseMg = 84;
    expect(deviceReadiness(f, { administeredAt: at(10), ...lot }, at(11)).ok).toBe(true);
    f.devices.push(device(3, at(10)));
    expect(codes(deviceReadiness(f, { administeredAt: at(15), ...lot }, at(16)))).toEqual(["R18_TOO_MANY_DEVICES"]);
  });

  it("does not count a device entered in error", () => {
    const f = dosing();
    f.devices.push(device(2, at(5), { enteredInError: true }));
    expect(deviceReadiness(f, { administeredAt: at(6), ...lot }, at(7)).ok).toBe(true);
  });

  it("refuses times in the future or before the previous device (R20)", () => {
    expect(codes(deviceReadiness(dosing(), { administeredAt: at(7), ...lot }, at(6)))).toEqual(["R20_FUTURE"]);
    expect(codes(deviceReadiness(dosing(), { administeredAt: at(-1), ...lot }, at(6)))).toEqual(["R20_NOT_MONOTONIC"]);
  });

  it("refuses a lot after its expiry date in the site's time zone, and allows it on that date (R20)", () => {
    // 2026-11-23T04:00Z is still 2026-11-22 in New York.
    const lateEvening = new Date("2026-11-23T04:00:00Z");
    const f = beforeDosing({ vitals: [vital(new Date("2026-11-23T03:50:00Z"), "PRE_DOSE", 128, 80, 98)], treatmentDate: "2026-11-22" });
    f.checklist!.lastFoodAt = new Date("2026-11-22T20:00:00Z");
    f.checklist!.lastLiquidAt = new Date("2026-11-23T03:00:00Z");
    f.checklist!.conmedConfirmedAt = new Date("2026-11-23T03:40:00Z");
    expect(deviceReadiness(f, { administeredAt: lateEvening, lotNumber: "X", lotExpiresOn: "2026-11-22" }, lateEvening).ok).toBe(true);
    expect(codes(deviceReadiness(f, { administeredAt: lateEvening, lotNumber: "X", lotExpiresOn: "2026-11-21" }, lateEvening))).toEqual(["R20_LOT_EXPIRED"]);
  });
});

describe("dose and schedule", () => {
  it("accepts 56, 84 and other multiples of 28 with a reason (R17)", () => {
    expect(doseCheck(56, null)).toEqual([]);
    expect(doseCheck(84, null)).toEqual([]);
    expect(doseCheck(28, "tolerability")).toEqual([]);
    expect(doseCheck(28, null)[0].code).toBe("R17_OTHER_NO_REASON");
    expect(doseCheck(70, "x")[0].code).toBe("R17_NOT_MULTIPLE");
    expect(doseCheck(0, "x")[0].code).toBe("R17_NOT_MULTIPLE");
  });

  it("gates 84 mg at a patient's first TRD session (R21)", () => {
    const f = beforeDosing({ plannedDoseMg: 84 });
    expect(scheduleChecks(f).map((x) => x.code)).toEqual(["R21_GATE"]);
  });

  it("refuses a second dosing session on the same site-local day (R23)", () => {
    const f = beforeDosing();
    f.patient.priorDosedSessions = [{ treatmentDate: f.treatmentDate, t0: at(-180), doseMg: 56, indication: "TRD" }];
    expect(scheduleChecks(f).map((x) => x.code)).toContain("R23_SECOND_TODAY");
  });

  it("gates MDSI beyond 28 days from the first MDSI session (R22): day 28 passes, day 29 does not", () => {
    const f = beforeDosing({ plannedDoseMg: 84, treatmentDate: "2026-11-23" });
    f.patient.indication = "MDSI";
    f.patient.priorDosedSessions = [{ treatmentDate: "2026-10-26", t0: new Date("2026-10-26T14:00:00Z"), doseMg: 84, indication: "MDSI" }];
    expect(scheduleChecks(f).map((x) => x.code)).toEqual([]);
    f.patient.priorDosedSessions[0].treatmentDate = "2026-10-25";
    expect(scheduleChecks(f).map((x) => x.code)).toEqual(["R22_GATE"]);
  });

  it("warns of a third session within 7 days (R24)", () => {
    const f = beforeDosing({ treatmentDate: "2026-11-23" });
    f.patient.priorDosedSessions = ["2026-11-17", "2026-11-20"].map((d) => ({
      treatmentDate: d,
      t0: new Date(`${d}T14:00:00Z`),
      doseMg: 56,
      indication: "TRD" as const,
    }));
    expect(scheduleChecks(f).map((x) => x.code)).toEqual(["R24_FREQUENCY"]);
  });
});

describe("the session's step from its live devices", () => {
  it("is before dosing with none, dosing with some, monitoring with all of the dose; a device in error does not count", () => {
    const t0 = new Date("2026-11-02T15:00:00Z");
    const at = (m: number) => addMinutes(t0, m);
    expect(dosingStatus(readySession(t0, { plannedDoseMg: 56, devices: [] }))).toBe("CHECKED_IN");
    expect(dosingStatus(readySession(t0, { plannedDoseMg: 56, devices: [device(1, at(0))] }))).toBe("DOSING");
    expect(dosingStatus(readySession(t0, { plannedDoseMg: 56, devices: [device(1, at(0)), device(2, at(5))] }))).toBe("MONITORING");
    expect(dosingStatus(readySession(t0, { plannedDoseMg: 56, devices: [device(1, at(0)), device(2, at(5), { enteredInError: true })] }))).toBe("DOSING");
    expect(dosingStatus(readySession(t0, { plannedDoseMg: 56, devices: [device(1, at(0), { enteredInError: true })] }))).toBe("CHECKED_IN");
  });
});

describe("which lots are offered for dosing (the device-expiry filter)", () => {
  it("still offers a lot expiring today at 23:30 in Los Angeles, when the UTC day is already tomorrow", () => {
    const at = new Date("2026-12-05T07:30:00Z"); // 23:30 on 4 Dec in Los Angeles
    expect(earliestUsableExpiry(at, "America/Los_Angeles").toISOString()).toBe("2026-12-04T00:00:00.000Z");
  });
  it("stops offering it once the site's day has turned", () => {
    expect(earliestUsableExpiry(new Date("2026-12-05T08:00:00Z"), "America/Los_Angeles").toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });
});
