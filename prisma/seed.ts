// Demo and test data: `npm run demo` and the browser tests start from it (README lists the accounts).
// Idempotent: a database that already has the demo clinic (site OUT-A) is left as it is.
// Run: tsx --conditions=react-server prisma/seed.ts (DATABASE_URL set; see scripts/with-db.ts).
// Every row is planned in memory (prisma/seed/*), then written in one transaction, table by table.
import { db } from "../lib/db/client";
import { appendAudit } from "../lib/audit/data";
import { hashPassword } from "../lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, planClinic, type Clinic } from "./seed/clinic";
import { planMonitoringForms } from "./seed/forms";
import { allocateDevices, planLots, type DeviceUse } from "./seed/inventory";
import { planOutcomes } from "./seed/outcomes";
import { planPatient, type PlannedPatient } from "./seed/patients";
import { IN_B_PATIENTS, OUT_A_DETAILED, OUT_A_MORE } from "./seed/roster";
import { emptyRows, newId, writeRows, type Rows } from "./seed/rows";
import { planSessions, type PlannedSession } from "./seed/sessions";
import { planReportHistory, writeReportRows } from "./seed/reports";
import { planSignatures } from "./seed/signatures";
import { addMin } from "./seed/time";

// The seed runs as the owner role, like migrations (DATABASE_OWNER_URL, set by scripts/with-db.ts);
// db() reads DATABASE_URL on first use, which is below.
if (process.env.DATABASE_OWNER_URL) process.env.DATABASE_URL = process.env.DATABASE_OWNER_URL;

function planPatients(rows: Rows, clinic: Clinic, now: Date): PlannedPatient[] {
  const outA = [...OUT_A_DETAILED, ...OUT_A_MORE].map((spec, i) => planPatient(rows, spec, clinic.outA, clinic, now, `518-555-0${160 + i}`));
  const inB = IN_B_PATIENTS.map((spec, i) => planPatient(rows, spec, clinic.inB, clinic, now, `312-555-0${160 + i}`));
  return [...outA, ...inB];
}

/** One witnessed waste at OUT-A: a device dropped just before Dana Okafor's most recent session. */
function planWaste(rows: Rows, clinic: Clinic, sessions: PlannedSession[], uses: DeviceUse[]) {
  const at = sessions.filter((s) => s.patient.spec.mrn === "A-1004" && s.end).at(-1)!;
  const wastedAt = addMin(at.t0, -3);
  const row = { id: newId(), deviceId: "", wastedAt, reason: "Device dropped, dose not delivered", wastedById: clinic.staff.nora.id, witnessId: clinic.staff.priya.id, createdAt: addMin(wastedAt, 4) };
  rows.waste.push(row);
  uses.push({ at: wastedAt, status: "WASTED", assign: (id) => { row.deviceId = id; } });
}

function summarise(rows: Rows, forms: { status?: string }[], sessions: PlannedSession[]) {
  const lotOf = new Map(rows.lots.map((l) => [l.id, l.lotNumber]));
  const devices: Record<string, Record<string, number>> = {};
  for (const d of rows.devices) {
    const lot = (devices[lotOf.get(d.lotId)!] ??= { total: 0 });
    lot.total++;
    lot[d.status!] = (lot[d.status!] ?? 0) + 1;
  }
  return {
    sites: rows.sites.length, chairs: rows.chairs.length, users: rows.users.length, patients: rows.patients.length,
    enrollments: rows.enrollments.length, counsellingRecords: rows.counselling.length, medications: rows.medications.length, flags: rows.flags.length,
    antidepressantTrials: rows.trials.length, sessionsDischarged: sessions.filter((s) => s.end).length, sessionsInProgress: sessions.filter((s) => !s.end).length,
    deviceAdministrations: rows.administrations.length, vitals: rows.vitals.length, sedationAssessments: rows.sedation.length,
    dissociationAssessments: rows.dissociation.length, clinicalDecisions: rows.decisions.length, adverseEvents: rows.adverseEvents.length,
    outcomeMeasures: rows.outcomes.length, monitoringForms: forms.length,
    monitoringFormsSubmitted: forms.filter((f) => f.status === "SUBMITTED").length, monitoringFormsDraft: forms.filter((f) => f.status === "DRAFT").length,
    lots: rows.lots.length, devices, wasteRecords: rows.waste.length,
  };
}

function printAccounts() {
  const siteNames: Record<string, string> = { "OUT-A": "Riverside Outpatient Clinic", "IN-B": "Lakeside Inpatient Unit" };
  const table = [["Email", "Name", "Role", "Sites"], ...DEMO_ACCOUNTS.map((a) => [a.email, `${a.firstName} ${a.lastName}`, a.role.toLowerCase(), a.sites.map((c) => siteNames[c]).join(" + ")])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row: string[]) => `  ${row.map((cell, i) => cell.padEnd(widths[i])).join("  ")}`.trimEnd();
  console.log(`\nDemo accounts (password for every one: ${DEMO_PASSWORD})`);
  console.log([line(table[0]), line(widths.map((w) => "-".repeat(w))), ...table.slice(1).map(line)].join("\n"));
}

async function main() {
  if (await db().site.findUnique({ where: { code: "OUT-A" }, select: { id: true } })) {
    console.log("Demo data already present");
    printAccounts();
    return;
  }
  const started = performance.now();
  const now = new Date();
  const rows = emptyRows();
  const clinic = planClinic(rows, await hashPassword(DEMO_PASSWORD));
  const patients = planPatients(rows, clinic, now);
  const { sessions, uses } = planSessions(rows, clinic, patients, now);
  const reportRows = planReportHistory(rows, clinic, patients, sessions, now);
  const outAUses = uses.get(clinic.outA.id)!;
  planWaste(rows, clinic, sessions, outAUses);
  const lots = planLots(rows, clinic, outAUses.filter((u) => u.status === "ADMINISTERED").length);
  allocateDevices(lots.outA, outAUses);
  allocateDevices(lots.inB, uses.get(clinic.inB.id)!);
  planOutcomes(rows, clinic, sessions);

  const counts = await db().$transaction(async (tx) => {
    await writeRows(tx, rows);
    await writeReportRows(tx, reportRows);
    const forms = await planMonitoringForms(tx, clinic, sessions, now);
    await tx.patientMonitoringForm.createMany({ data: forms });
    const signatures = await planSignatures(tx, clinic, sessions, now);
    const counts = { ...summarise(rows, forms, sessions), signatures };
    await appendAudit(tx, { actor: null, action: "seed.loaded", entityType: "Seed", after: counts });
    return counts;
  }, { maxWait: 10_000, timeout: 60_000 });

  console.log(`Seeded the demo clinic in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
  console.log(JSON.stringify(counts, null, 1).replace(/\n\s*/g, " "));
  printAccounts();
}

try {
  await main();
} finally {
  await db().$disconnect();
}
