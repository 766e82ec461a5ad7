import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inTheBrowser } from "@/lib/http/testing/in-browser";
import { dispensingLogQuerySchema, physicalCountSchema, receiveLotSchema, wasteDeviceSchema } from "./schema";

const errors = (r: { success: boolean; error?: z.ZodError }) => (r.success ? {} : z.flattenError(r.error!).fieldErrors) as Record<string, string[] | undefined>;
const lot = {
  siteId: "s",
  ndc: "50458-028-03",
  lotNumber: "24a118",
  expiresOn: "2028-02-29",
  deviceCount: "9",
  supplier: "Cardinal",
  receivedById: "u",
  receivedAt: "",
};

describe("receiving a lot: what is possible", () => {
  it("accepts a delivery typed into the form, upper-casing the lot number and leaving the time to the server", () => {
    const r = inTheBrowser(() => receiveLotSchema.parse(lot));
    expect(r).toMatchObject({ lotNumber: "24A118", deviceCount: 9, receivedAt: undefined });
  });
  it("treats an empty number of devices as missing, not zero", () => {
    expect(errors(receiveLotSchema.safeParse({ ...lot, deviceCount: "" })).deviceCount).toEqual(["Enter the number of devices"]);
  });
  it("refuses an impossible expiry date, an unknown kit and a lot number with spaces", () => {
    const e = errors(receiveLotSchema.safeParse({ ...lot, expiresOn: "2027-02-30", ndc: "12345-678-90", lotNumber: "24 A118" }));
    expect(e.expiresOn).toEqual(["Enter the expiry date"]);
    expect(e.ndc).toEqual(["Choose the kit"]);
    expect(e.lotNumber?.[0]).toMatch(/Letters, digits/);
  });
  it("refuses a receipt time in the future", () => {
    expect(errors(receiveLotSchema.safeParse({ ...lot, receivedAt: new Date(Date.now() + 3_600_000).toISOString() })).receivedAt).toEqual([
      "This time is in the future",
    ]);
  });
});

describe("waste, count and log inputs", () => {
  it("needs a device, a reason, a witness and the witness's password", () => {
    expect(Object.keys(errors(wasteDeviceSchema.safeParse({})))).toEqual(["deviceId", "reason", "witnessId", "witnessPassword"]);
  });
  it("treats an empty count as missing, and accepts a count of zero", () => {
    expect(errors(physicalCountSchema.safeParse({ countedDevices: "" })).countedDevices).toEqual(["Enter the number of devices counted"]);
    expect(physicalCountSchema.parse({ countedDevices: 0 })).toEqual({ countedDevices: 0, note: "" });
    expect(errors(physicalCountSchema.safeParse({ countedDevices: 2.5 })).countedDevices).toEqual(["Enter a whole number"]);
    expect(errors(physicalCountSchema.safeParse({ countedDevices: "3" })).countedDevices, "numeral text only from a form").toEqual([
      "Enter the number of devices counted",
    ]);
  });
  it("refuses a log period that ends before it starts", () => {
    expect(errors(dispensingLogQuerySchema.safeParse({ siteId: "s", from: "2026-11-02", to: "2026-11-01" })).to).toEqual([
      "The end date is before the start date",
    ]);
  });
});
