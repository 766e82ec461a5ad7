// Demo and test data: npm run demo and the browser tests start from it (README lists the accounts).
// Idempotent: a database that already has the demo clinic is left as it is.
import { db } from "../lib/db/client";
import { appendAudit } from "../lib/audit/data";
import { DEMO_PASSWORD, IN_B_PATIENTS, MORE_OUT_A, OUT_A_PATIENTS, seedSitesAndStaff } from "./seed/clinic";
import { seedPatient } from "./seed/history";
import { dateOnly } from "./seed/time";

async function lotDevices(lotId: string) {
  const ids = (await db().device.findMany({ where: { lotId }, orderBy: { serial: "asc" }, select: { id: true } })).map((d) => d.id);
  let next = 0;
  return {
    async take(n: number) {
      const taken = ids.slice(next, next + n);
      next += n;
      if (taken.length < n) throw new Error("the demo lot ran out of devices");
      await db().device.updateMany({ where: { id: { in: taken } }, data: { status: "ADMINISTERED" } });
      return taken;
    },
    left: () => ids.slice(next),
  };
}

async function main() {
  if (await db().site.findUnique({ where: { code: "OUT-A" } })) {
    console.log("Demo data already present.");
    return;
  }
  const started = Date.now();
  const now = new Date();
  const { outA, inB, staff } = await seedSitesAndStaff(db());
  const lot = (siteId: string, ndc: string, lotNumber: string, expiresOn: string, receivedAt: string, count: number) =>
    db().inventoryLot.create({ data: { siteId, ndc, kitDescription: ndc.endsWith("03") ? "84 mg kit (3 devices)" : "56 mg kit (2 devices)", lotNumber, expiresOn: dateOnly(expiresOn),
      receivedAt: new Date(receivedAt), supplier: "Cardinal Specialty Distribution", receivedById: staff.adam.id, deviceCount: count,
      devices: { create: Array.from({ length: count }, (_, i) => ({ serial: `${lotNumber}-${String(i + 1).padStart(3, "0")}` })) } } });
  const mainLot = await lot(outA.id, "50458-028-03", "24A118", "2027-06-30", "2026-09-01T14:00:00Z", 100);
  await lot(outA.id, "50458-028-02", "23K042", "2026-10-31", "2025-11-03T14:00:00Z", 4);
  const bLot = await lot(inB.id, "50458-028-03", "25C007", "2027-12-31", "2026-10-01T14:00:00Z", 12);
  const aDevices = await lotDevices(mainLot.id);
  const bDevices = await lotDevices(bLot.id);

  const staffA = { nurseId: staff.nora.id, psychId: staff.priya.id, adminId: staff.adam.id };
  const staffB = { nurseId: staff.lena.id, psychId: staff.priya.id, adminId: staff.adam.id };
  let n = 0;
  for (const p of [...OUT_A_PATIENTS, ...MORE_OUT_A]) await seedPatient(db(), p, outA, staffA, aDevices, ++n, now);
  for (const p of IN_B_PATIENTS) await seedPatient(db(), p, inB, staffB, bDevices, ++n, now);

  const wasted = aDevices.left()[0];
  await db().device.update({ where: { id: wasted }, data: { status: "WASTED" } });
  await db().wasteRecord.create({ data: { deviceId: wasted, wastedAt: new Date(now.getTime() - 6 * 86_400_000), reason: "Device dropped, dose not delivered", wastedById: staff.nora.id, witnessId: staff.priya.id } });

  const counts = {
    sites: await db().site.count(), users: await db().user.count(), patients: await db().patient.count(), sessions: await db().treatmentSession.count(),
    vitals: await db().observationVital.count(), monitoringForms: await db().patientMonitoringForm.count(), devices: await db().device.count(),
  };
  await db().$transaction((tx) => appendAudit(tx, { actor: null, action: "seed.loaded", entityType: "Seed", after: counts }));
  console.log(`Seeded the demo clinic in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  console.log(`\nDemo accounts (password ${DEMO_PASSWORD}):`);
  console.table([
    { email: "nurse@example.com", role: "Nurse", sites: "Riverside Outpatient Clinic" },
    { email: "nurse2@example.com", role: "Nurse", sites: "Riverside Outpatient Clinic" },
    { email: "nurse.b@example.com", role: "Nurse", sites: "Lakeside Inpatient Unit" },
    { email: "psych@example.com", role: "Psychiatrist", sites: "both" },
    { email: "admin@example.com", role: "Administrator", sites: "both" },
  ]);
}

try {
  await main();
} finally {
  await db().$disconnect();
}
