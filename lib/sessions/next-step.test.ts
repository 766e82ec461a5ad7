import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { device, readySession, vital } from "./testing/session-fixture";
import { sessionStatus } from "./view";

// The cockpit's one large button: the next step of a session, and the section of the page where it is done.
const t0 = new Date("2026-12-05T15:00:00Z"); // 10:00 in New York
const step = (over: Parameters<typeof readySession>[1], now: Date) => {
  const s = sessionStatus(readySession(t0, over), now);
  return [s.nextStep, s.nextSection];
};
const before = addMinutes(t0, -5);
const preDose = [vital(addMinutes(t0, -10), "PRE_DOSE", 128, 80)];

describe("the next step of a session", () => {
  it("walks checklist → pre-dose vital signs → dose → devices before the first device", () => {
    const base = readySession(t0);
    expect(step({ devices: [], vitals: [], checklist: null }, before)).toEqual(["Complete the pre-dose checklist", "checklist"]);
    expect(step({ devices: [], vitals: [], checklist: base.checklist }, before)).toEqual(["Take the pre-dose vital signs", "pre-dose"]);
    expect(step({ devices: [], vitals: preDose, plannedDoseMg: null }, before)).toEqual(["Choose the dose", "dose"]);
    expect(step({ devices: [], vitals: preDose }, before)).toEqual(["Record device 1", "dose"]);
    expect(step({ devices: [device(1, t0)], vitals: preDose }, addMinutes(t0, 1))).toEqual(["Record device 2 (from 10:05)", "dose"]);
  });

  it("waits for a prescriber when a GATE is open before dosing", () => {
    expect(step({ devices: [], vitals: [vital(addMinutes(t0, -10), "PRE_DOSE", 152, 94)] }, before)).toEqual(["Waiting for a prescriber's decision", "gates"]);
  });

  it("asks for the 40-minute BP, then observation, then the discharge assessment", () => {
    const dosed = { vitals: preDose };
    expect(step(dosed, addMinutes(t0, 10))).toEqual(["Take the 40-minute BP at 10:40", "observation"]);
    expect(step(dosed, addMinutes(t0, 41))).toEqual(["Take the 40-minute BP now", "observation"]);
    const fortyDone = { vitals: [...preDose, vital(addMinutes(t0, 40), "POST_40", 140, 85)], sedation: [], dissociation: [] };
    expect(step(fortyDone, addMinutes(t0, 60))).toEqual(["Observe", "observation"]);
    expect(step({}, addMinutes(t0, 121))).toEqual(["Ready for the discharge assessment", "discharge"]);
  });
});
