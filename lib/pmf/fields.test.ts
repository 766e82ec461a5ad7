import { describe, expect, it } from "vitest";
import { addMinutes } from "@/lib/rems/rule-result";
import { device, readySession, vital } from "@/lib/sessions/testing/session-fixture";
import { pmfFields, type PmfSource } from "./fields";
import { PMF_FIELD_KEYS } from "./field-keys";

const T0 = new Date("2026-03-07T01:30:00Z"); // Friday 6 March, 20:30 in New York
const source = (over: Partial<PmfSource> = {}): PmfSource => ({
  facts: readySession(T0),
  patient: { firstName: "Casey", middleInitial: "R", lastName: "Rivera", birthDate: "1984-07-19", sex: "FEMALE" },
  monitoringHcp: { firstName: "Nora", lastName: "Bishop", telephone: "518-555-0141", email: "nurse@example.com" },
  site: { name: "Riverside Outpatient Clinic", address1: "120 River Street", address2: "Suite 300", city: "Hudson", state: "NY", zip: "12534" },
  endOfMonitoringAt: addMinutes(T0, 127.9),
  discharge: { readyToLeaveMinutes: 90, vitalsAcceptablePreAdministration: true, vitalsAcceptablePreCompletion: true },
  adverseEvents: [],
  ...over,
});

describe("PMF fields derived from the session (R39), checked by hand", () => {
  it("maps identity, site, treatment and blood pressures", () => {
    const f = pmfFields(source());
    expect(f).toMatchObject({
      "patient.firstName": "Casey",
      "patient.lastName": "Rivera",
      "patient.birthDate": "07/19/1984",
      "patient.sex": "Female",
      isFirstTreatment: true,
      isEnrolledInRems: true,
      "monitoringHcp.lastName": "Bishop",
      "site.zip": "12534",
      treatmentDate: "03/06/2026", // the site's date, not UTC's 03/07
      doseAdministered: "56 mg",
      lotNumber: "24A118",
      totalMonitoringMinutes: 127, // whole minutes, rounded down (R33)
      readyToLeaveMinutes: 90,
      "bp.preAdministration": "128/80",
      "bp.post40min": "146/88",
      "bp.preCompletion": "126/80",
      "sedation.occurred": true,
      "sedation.resolvedBeforeCompletion": true,
      "dissociation.occurred": true,
      "dissociation.resolvedBeforeCompletion": true,
      "respiratoryDepression.occurred": false,
      "pulseOximetry.monitored": true,
      "seriousAdverseEvent.occurred": false,
      protocolDeviations: [],
    });
  });

  it("lists both lots when a session used two, first device's lot first", () => {
    const facts = readySession(T0, { devices: [device(1, T0, { lotNumber: "B2" }), device(2, addMinutes(T0, 5), { lotNumber: "A1" })] });
    expect(pmfFields(source({ facts })).lotNumber).toBe("B2, A1");
  });

  it("writes 'Other' doses with their mg and notes a 40-minute reading outside the window", () => {
    const facts = readySession(T0, {
      plannedDoseMg: 28,
      vitals: [
        vital(addMinutes(T0, -10), "PRE_DOSE", 128, 80),
        vital(addMinutes(T0, 55), "POST_40", 150, 90),
        vital(addMinutes(T0, 118), "PRE_COMPLETION", 130, 82),
      ],
    });
    const f = pmfFields(source({ facts }));
    expect(f.doseAdministered).toBe("Other: 28 mg");
    expect(f["bp.post40min"]).toBe("150/90");
    expect(f.protocolDeviations).toEqual(["40-minute BP outside 30–50 minutes"]);
  });

  it("ignores readings entered in error", () => {
    const facts = readySession(T0);
    facts.vitals.push(vital(addMinutes(T0, 120), "PRE_COMPLETION", 199, 99, 98, { enteredInError: true }));
    expect(pmfFields(source({ facts }))["bp.preCompletion"]).toBe("126/80");
  });
});

describe("PMF field list", () => {
  it("has exactly the keys the mapping produces, in form order (the CSV columns)", () => {
    expect(Object.keys(pmfFields(source()))).toEqual([...PMF_FIELD_KEYS]);
  });
});
