import { describe, expect, it } from "vitest";
import { bpAlert, fortyMinuteReading, sedationAlert, spo2Alert } from "./observation-rules";
import { PARAMS, readySession, vital } from "./testing/session-fixture";

const T0 = new Date("2026-11-23T14:00:00Z");
const at = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000);
const site = readySession(T0).site;

describe("the 40-minute blood pressure (R25)", () => {
  it("counts readings from 30:00 to 50:00 inclusive, and not 29:59 or 50:01", () => {
    for (const [m, s, inside] of [
      [29, 59, false],
      [30, 0, true],
      [50, 0, true],
      [50, 1, false],
    ] as const) {
      const r = fortyMinuteReading([vital(at(m, s), "EXTRA", 140, 85)], T0, PARAMS, at(60));
      expect(r.state === "recorded", `${m}:${s}`).toBe(inside);
    }
  });

  it("designates the reading closest to 40 minutes when several fall in the window", () => {
    const r = fortyMinuteReading([vital(at(32), "EXTRA", 150, 90), vital(at(41), "EXTRA", 144, 88), vital(at(47), "EXTRA", 138, 84)], T0, PARAMS, at(60));
    expect(r.state === "recorded" && r.reading.systolic).toBe(144);
  });

  it("keeps the nurse's pick, and records a pick outside the window as a protocol deviation", () => {
    const r = fortyMinuteReading([vital(at(41), "EXTRA", 144, 88), vital(at(55), "POST_40", 150, 92)], T0, PARAMS, at(60));
    expect(r.state === "recorded" && [r.reading.systolic, r.deviation]).toEqual([150, true]);
  });

  it("is waiting before 30 minutes, due in the window and overdue after it", () => {
    expect(fortyMinuteReading([], T0, PARAMS, at(29, 59)).state).toBe("waiting");
    expect(fortyMinuteReading([], T0, PARAMS, at(30)).state).toBe("due");
    expect(fortyMinuteReading([], T0, PARAMS, at(50)).state).toBe("due");
    const late = fortyMinuteReading([], T0, PARAMS, at(50, 1));
    expect(late.state).toBe("overdue");
    expect(late.dueAt).toEqual(at(40));
  });

  it("ignores pre-dose readings and readings entered in error", () => {
    const r = fortyMinuteReading([vital(at(40), "EXTRA", 150, 90, 98, { enteredInError: true })], T0, PARAMS, at(45));
    expect(r.state).toBe("due");
  });
});

describe("alerts", () => {
  it("alerts above 180/110 and urgently above 200/120, at the site's thresholds", () => {
    expect(bpAlert(vital(at(40), "EXTRA", 180, 110), site)).toBeNull();
    expect(bpAlert(vital(at(40), "EXTRA", 181, 100), site)?.severity).toBe("alert");
    expect(bpAlert(vital(at(40), "EXTRA", 170, 111), site)?.severity).toBe("alert");
    expect(bpAlert(vital(at(40), "EXTRA", 200, 120), site)?.severity).toBe("alert");
    expect(bpAlert(vital(at(40), "EXTRA", 201, 100), site)?.severity).toBe("urgent");
    expect(bpAlert(vital(at(40), "EXTRA", 170, 100), { ...site, postDoseAlertSystolic: 160 })?.severity).toBe("alert");
  });

  it("alerts on SpO₂ below the threshold, not at it, and opens respiratory depression on two in a row", () => {
    const a = vital(at(20), "EXTRA", null, null, 93);
    expect(spo2Alert([a], a, site)).toBeNull();
    const b = vital(at(25), "EXTRA", null, null, 92);
    expect(spo2Alert([a, b], b, site)?.code).toBe("R27_SPO2_LOW");
    const c = vital(at(27), "EXTRA", null, null, 90);
    const second = spo2Alert([a, b, c], c, site);
    expect(second?.code).toBe("R27_RESPIRATORY_DEPRESSION");
    expect(second?.opensAdverseEvent).toBe("RESPIRATORY_DEPRESSION");
  });

  it("does not count a low reading entered in error toward two in a row", () => {
    const b = vital(at(25), "EXTRA", null, null, 88, { enteredInError: true });
    const c = vital(at(27), "EXTRA", null, null, 90);
    expect(spo2Alert([b, c], c, site)?.code).toBe("R27_SPO2_LOW");
  });

  it("alerts on MOAA/S 3 or lower and opens a serious event at 0", () => {
    expect(sedationAlert({ moaas: 4 })).toBeNull();
    expect(sedationAlert({ moaas: 3 })?.severity).toBe("alert");
    expect(sedationAlert({ moaas: 0 })).toMatchObject({ severity: "urgent", serious: true, opensAdverseEvent: "SEDATION" });
  });
});
