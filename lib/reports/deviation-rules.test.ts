import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { PARAMS, vital } from "@/lib/sessions/testing/session-fixture";
import { sessionDeviations, type DeviationFacts } from "./deviation-rules";

const T0 = new Date("2026-03-06T15:00:00Z");
const facts = (over: Partial<DeviationFacts> = {}): DeviationFacts => ({
  t0: T0,
  end: addMinutes(T0, 125),
  params: PARAMS,
  vitals: [
    vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98),
    vital(addMinutes(T0, 40), "EXTRA", 146, 88, 97),
    vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
  ],
  decisions: [],
  acknowledgements: [],
  recorded: [],
  ...over,
});
const codes = (f: DeviationFacts) => sessionDeviations(f).map((d) => d.code);

describe("protocol deviations of a session, derived from its record", () => {
  it("finds none in a session run to protocol", () => {
    expect(sessionDeviations(facts())).toEqual([]);
  });

  it("R25: a reading at 50 minutes is in the window; at 51 it is a deviation with its minute; none at all once the window passed", () => {
    const at = (m: number) =>
      facts({
        vitals: [
          vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98),
          vital(addMinutes(T0, m), "EXTRA", 146, 88, 97),
          vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
        ],
      });
    expect(codes(at(50))).toEqual([]);
    expect(codes(at(30))).toEqual([]);
    // Nothing in 30–50: the reading the nurse would have designated is absent, so "no 40-minute BP".
    expect(codes(at(51))).toEqual(["R25_MISSING"]);
    const picked = facts({
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98),
        vital(addMinutes(T0, 51.5), "POST_40", 146, 88, 97),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
      ],
    });
    expect(sessionDeviations(picked)).toEqual([
      { kind: "forty_minute", code: "R25_OUTSIDE_WINDOW", message: "40-minute BP taken at 51 minutes (window 30–50)." },
    ]);
  });

  it("a session still in progress before T0+50 has no 40-minute deviation yet", () => {
    expect(codes(facts({ end: addMinutes(T0, 45), vitals: [vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98)] }))).toEqual([]);
  });

  it("R27: SpO2 missing at baseline, at the last reading, and on other readings (counted)", () => {
    const f = facts({
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, null),
        vital(addMinutes(T0, 40), "EXTRA", 146, 88, null),
        vital(addMinutes(T0, 60), "EXTRA", 140, 86, null),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, null),
      ],
    });
    expect(
      sessionDeviations(f)
        .filter((d) => d.kind === "spo2")
        .map((d) => d.message),
    ).toEqual(["No SpO₂ with the pre-dose reading.", "No SpO₂ with the last (pre-discharge) reading.", "2 other post-dose readings without SpO₂."]);
    expect(codes({ ...f, params: { ...PARAMS, pulseOximetryRequired: false } })).toEqual([]);
  });

  it("an entered-in-error reading does not count as the last one", () => {
    const f = facts({
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98),
        vital(addMinutes(T0, 40), "EXTRA", 146, 88, 97),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
        vital(addMinutes(T0, 120), "EXTRA", 120, 80, null, { enteredInError: true }),
      ],
    });
    expect(codes(f)).toEqual([]);
  });

  it("lists GATE decisions and acknowledged warnings once each, and keeps a rule-found row the derivation does not reproduce", () => {
    const f = facts({
      decisions: [{ rule: "R14", decision: "PROCEED", reason: "Usual range", prescriber: "Priya Shah" }],
      acknowledgements: [
        { code: "R12_FOOD", by: "Nora Bishop", step: "device 1" },
        { code: "R12_FOOD", by: "Nora Bishop", step: "device 2" },
      ],
      recorded: [{ code: "R25_OUTSIDE_WINDOW", description: "40-minute blood pressure taken at 52 minutes (window 30–50)." }],
    });
    expect(sessionDeviations(f).map((d) => [d.kind, d.message])).toEqual([
      ["forty_minute", "40-minute blood pressure taken at 52 minutes (window 30–50)."],
      ["gate", "GATE R14 (pre-dose BP above 140/90): proceed — Priya Shah: “Usual range”"],
      ["override", "Warning acknowledged at device 1 by Nora Bishop: food less than 2 hours before the first device."],
    ]);
  });

  it("a rule-found row stands for its derivation, once: the row's words win", () => {
    const late = facts({
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, 98),
        vital(addMinutes(T0, 52), "POST_40", 146, 88, 97),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
      ],
      recorded: [{ code: "R25_OUTSIDE_WINDOW", description: "40-minute BP taken at 52 minutes (window 30–50)." }],
    });
    expect(sessionDeviations(late)).toEqual([
      { kind: "forty_minute", code: "R25_OUTSIDE_WINDOW", message: "40-minute BP taken at 52 minutes (window 30–50)." },
    ]);
  });

  it("shows a late entry as a late entry with its reason, and a clinician's deviation with the reason and who recorded it, after the rule-found ones", () => {
    const f = facts({
      acknowledgements: [{ code: "SOMETHING_NEW", message: "A warning this report has no name for", by: "Nora Bishop", step: "device 1" }],
      recorded: [
        { code: "RECORDED", description: "Patient left the chair for 10 minutes", reason: "Bathroom escorted by staff", by: "Nora Bishop" },
        { code: "R49_LATE_ENTRY", description: "Vital signs taken 10:40 entered at 11:30", reason: "Monitor offline", by: "Nora Bishop" },
      ],
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80, null),
        vital(addMinutes(T0, 40), "EXTRA", 146, 88, 97),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 126, 80, 98),
      ],
    });
    expect(sessionDeviations(f).map((d) => [d.kind, d.message])).toEqual([
      ["spo2", "No SpO₂ with the pre-dose reading."],
      ["override", "Warning acknowledged at device 1 by Nora Bishop: A warning this report has no name for."],
      ["recorded", "Patient left the chair for 10 minutes — reason: Bathroom escorted by staff (recorded by Nora Bishop)"],
      ["late_entry", "Late entry: Vital signs taken 10:40 entered at 11:30 — reason: Monitor offline (Nora Bishop)"],
    ]);
  });
});
