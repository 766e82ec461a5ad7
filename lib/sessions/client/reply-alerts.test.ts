import { describe, expect, it } from "vitest";
import { alertsOfReply } from "./reply-alerts";

describe("alerts of an entry's reply", () => {
  it("reads a vitals reply's alerts and a sedation reply's single alert; nothing from other replies", () => {
    const bp = { code: "BP_HIGH", message: "BP 190/112", severity: "urgent" as const };
    expect(alertsOfReply({ result: { id: "v", alerts: [bp] } })).toEqual([bp]);
    expect(alertsOfReply({ result: { id: "s", alert: bp } })).toEqual([bp]);
    expect(alertsOfReply({ result: { id: "s", alert: null } })).toEqual([]);
    expect(alertsOfReply({ result: { id: "d" } })).toEqual([]);
    expect(alertsOfReply(null)).toEqual([]);
  });
});
