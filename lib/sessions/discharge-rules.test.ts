import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { dischargeReadiness } from "./discharge-rules";
import { goodAttestation, readySession, vital } from "./testing/session-fixture";
import { formatTime } from "@/lib/time/format";

const T0 = new Date("2026-11-23T14:02:30Z");
const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000);
const codes = (d: { unmet: { code: string }[] }) => d.unmet.map((u) => u.code);

describe("dischargeReadiness — may this session be discharged now, and if not, why", () => {
  it("allows discharge of a well-monitored session at exactly 120:00 after the first device", () => {
    const d = dischargeReadiness(readySession(T0), at(120), goodAttestation);
    expect(d.unmet).toEqual([]);
    expect(d.ok).toBe(true);
    expect(d.totalMinutes).toBe(120);
  });

  it("refuses discharge at 119:59 after the first device, saying when it becomes possible", () => {
    const d = dischargeReadiness(readySession(T0), at(119, 59), goodAttestation);
    expect(codes(d)).toEqual(["R30_MIN_OBSERVATION"]);
    expect(d.unmet[0].availableAt).toEqual(at(120));
  });

  it("counts from the last device where the clinic chose that anchor", () => {
    const f = readySession(T0);
    f.site.observationAnchor = "LAST_DEVICE";
    expect(codes(dischargeReadiness(f, at(124, 59), goodAttestation))).toEqual(["R30_MIN_OBSERVATION"]);
    expect(dischargeReadiness(f, at(125), goodAttestation).ok).toBe(true);
  });

  it("lists every unmet criterion at once", () => {
    const f = readySession(T0, {
      sedation: [{ id: "s", takenAt: at(118), moaas: 4, enteredInError: false }],
      dissociation: [{ id: "x", takenAt: at(118), present: true, enteredInError: false }],
      openRespiratoryDepression: true,
    });
    const d = dischargeReadiness(f, at(100), { ...goodAttestation, rideConfirmed: false, readyToLeaveMinutes: null });
    expect(codes(d)).toEqual(
      expect.arrayContaining([
        "R30_MIN_OBSERVATION",
        "R31_SEDATION_NOT_RESOLVED",
        "R31_DISSOCIATION_NOT_RESOLVED",
        "R31_RESPIRATORY_DEPRESSION_OPEN",
        "R31_RIDE",
        "R34_READY_TO_LEAVE",
      ]),
    );
  });

  it("refuses discharge with MOAA/S 4, and allows it once the latest score is 5", () => {
    const four = readySession(T0, { sedation: [{ id: "s", takenAt: at(118), moaas: 4, enteredInError: false }] });
    expect(codes(dischargeReadiness(four, at(121), goodAttestation))).toEqual(["R31_SEDATION_NOT_RESOLVED"]);
    four.sedation.push({ id: "s2", takenAt: at(120), moaas: 5, enteredInError: false });
    expect(dischargeReadiness(four, at(121), goodAttestation).ok).toBe(true);
  });

  it("ignores a score entered in error", () => {
    const f = readySession(T0);
    f.sedation.push({ id: "bad", takenAt: at(119), moaas: 2, enteredInError: true });
    expect(dischargeReadiness(f, at(121), goodAttestation).ok).toBe(true);
  });

  it("needs a designated 40-minute blood pressure", () => {
    const f = readySession(T0, { vitals: readySession(T0).vitals.filter((v) => Math.abs(v.takenAt.getTime() - at(40).getTime()) > 1000) });
    expect(codes(dischargeReadiness(f, at(121), goodAttestation))).toEqual(["R25_NO_FORTY_MINUTE_BP"]);
  });

  it("needs a pre-discharge blood pressure within 15 minutes: 15:00 before is fine, 15:01 is not", () => {
    expect(dischargeReadiness(readySession(T0), at(130), goodAttestation).ok).toBe(true); // reading at 115
    expect(codes(dischargeReadiness(readySession(T0), at(130, 1), goodAttestation))).toEqual(["R31_NO_PRE_COMPLETION_BP"]);
  });

  it("SpO₂ exactly at the threshold is acceptable, one below is not", () => {
    const f = (spo2: number) => readySession(T0, { vitals: [...readySession(T0).vitals.slice(0, 3), vital(at(115), "PRE_COMPLETION", 126, 80, spo2)] });
    expect(dischargeReadiness(f(93), at(121), goodAttestation).ok).toBe(true);
    expect(codes(dischargeReadiness(f(92), at(121), goodAttestation))).toEqual(["R31_SPO2_LOW"]);
  });

  it("accepts the patient's own low baseline SpO₂ as the floor", () => {
    const f = readySession(T0);
    f.vitals = [vital(at(-10), "PRE_DOSE", 128, 80, 91), vital(at(40), "EXTRA", 146, 88, 92), vital(at(115), "PRE_COMPLETION", 126, 80, 91)];
    expect(dischargeReadiness(f, at(121), goodAttestation).ok).toBe(true);
  });

  it("makes a high, non-decreasing pre-discharge BP a prescriber GATE (R32), lifted by a proceed decision", () => {
    const f = readySession(T0, { vitals: [vital(at(-10), "PRE_DOSE", 128, 80), vital(at(40), "EXTRA", 146, 88), vital(at(115), "PRE_COMPLETION", 146, 92)] });
    const d = dischargeReadiness(f, at(121), goodAttestation);
    expect(d.unmet).toMatchObject([{ code: "R32_GATE", strength: "GATE" }]);
    f.decisions.push({ rule: "R32", decision: "PROCEED", decidedAt: at(118) });
    expect(dischargeReadiness(f, at(121), goodAttestation).ok).toBe(true);
  });

  it("does not take the 40-minute reading itself for the pre-discharge one (no R32 GATE at minute 41)", () => {
    const f = readySession(T0, { vitals: [vital(at(-10), "PRE_DOSE", 128, 80), vital(at(40), "EXTRA", 148, 88)] });
    const d = dischargeReadiness(f, at(41));
    expect(d.unmet.map((u) => u.code)).toEqual(["R30_MIN_OBSERVATION", "R31_NO_PRE_COMPLETION_BP"]);
  });

  it("does not gate a high BP that is decreasing since 40 minutes", () => {
    const f = readySession(T0, { vitals: [vital(at(-10), "PRE_DOSE", 128, 80), vital(at(40), "EXTRA", 160, 96), vital(at(115), "PRE_COMPLETION", 150, 96)] });
    expect(dischargeReadiness(f, at(121), goodAttestation).ok).toBe(true);
  });

  it("checks ready-to-leave minutes: 0 and the total are valid, more than the total is not (R34)", () => {
    expect(dischargeReadiness(readySession(T0), at(121), { ...goodAttestation, readyToLeaveMinutes: 0 }).ok).toBe(true);
    expect(dischargeReadiness(readySession(T0), at(121), { ...goodAttestation, readyToLeaveMinutes: 121 }).ok).toBe(true);
    expect(codes(dischargeReadiness(readySession(T0), at(121), { ...goodAttestation, readyToLeaveMinutes: 122 }))).toEqual(["R34_READY_TO_LEAVE"]);
  });

  it("does not ask an inpatient unit for the PMF's ready-to-leave minutes", () => {
    const f = readySession(T0);
    f.site.settingType = "INPATIENT";
    expect(dischargeReadiness(f, at(121), { ...goodAttestation, readyToLeaveMinutes: null }).ok).toBe(true);
  });

  it("keeps two real hours across the night clocks go forward (2026-03-08, New York)", () => {
    // T0 at 01:30 EST. At 03:30 EDT the wall clock says "two hours later", but only one hour has passed.
    const t0 = new Date("2026-03-08T06:30:00Z");
    const f = readySession(t0);
    const wallClockTwoHours = new Date("2026-03-08T07:30:00Z");
    expect(formatTime(wallClockTwoHours, "America/New_York")).toBe("03:30");
    const early = dischargeReadiness(f, wallClockTwoHours, goodAttestation);
    const r30 = early.unmet.find((u) => u.code === "R30_MIN_OBSERVATION");
    expect(r30?.availableAt).toEqual(new Date("2026-03-08T08:30:00Z"));
    expect(formatTime(r30!.availableAt!, "America/New_York")).toBe("04:30");
    expect(dischargeReadiness(f, new Date("2026-03-08T08:30:00Z"), goodAttestation).ok).toBe(true);
  });

  it("lists the nurse's attestations as unmet when none are given yet", () => {
    const d = dischargeReadiness(readySession(T0), at(121));
    expect(d.ok).toBe(true); // without attestation only the clinical criteria are judged (the live board)
    const withBlank = dischargeReadiness(readySession(T0), at(121), {
      rideConfirmed: false,
      clinicallyStable: false,
      noDrivingReminder: false,
      vitalsAcceptablePreCompletion: null,
      readyToLeaveMinutes: null,
    });
    expect(codes(withBlank)).toEqual(["R31_RIDE", "R31_STABLE", "R34_READY_TO_LEAVE", "R35_VITALS_ATTESTATION"]);
    expect(withBlank.warnings.map((w) => w.code)).toEqual(["R31_NO_DRIVING"]);
  });

  it("refuses to discharge a session without a device", () => {
    expect(codes(dischargeReadiness(readySession(T0, { devices: [] }), at(121), goodAttestation))).toEqual(["R30_NO_DEVICE"]);
  });
});

describe("timing helpers", () => {
  it("addMinutes is exact to the millisecond", () => {
    expect(addMinutes(T0, 120).getTime() - T0.getTime()).toBe(7_200_000);
  });
});
