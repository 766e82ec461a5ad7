// Demo and test data: `npm run demo` and the browser tests start from it (README lists the accounts).
// Idempotent: a database that already has the demo clinic (site OUT-A) is left as it is.
// Run: tsx --conditions=react-server prisma/seed.ts (DATABASE_URL set; see scripts/with-db.ts).
// The demo is planned in memory (prisma/seed/*: who, when, which values), then made through the app's own
// commands, each at the moment it happened (prisma/seed/replay.ts): nothing exists that a user could not create.
import { useSeedClock } from "./seed/clock-db";
import { db } from "../lib/db/client";
import { recordAudit, verifyAuditChain } from "../lib/audit/data";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, planClinic, type Clinic } from "./seed/clinic";
import { planPmfSubmissions } from "./seed/forms";
import { allocateDevices, planLots, type DeviceUse } from "./seed/inventory";
import { planOutcomes } from "./seed/outcomes";
import { planPatient, type PlannedPatient } from "./seed/patients";
import { replay } from "./seed/replay";
import { IN_B_PATIENTS, OUT_A_DETAILED, OUT_A_MORE } from "./seed/roster";
import { emptyRows, newId, type Rows } from "./seed/rows";
import { planSessions, type PlannedSession } from "./seed/sessions";
import { planReportHistory } from "./seed/reports";
import { planSignatures } from "./seed/signatures";
import { addMin } from "./seed/time";

// The seed runs as the owner role, like migrations (DATABASE_OWNER_URL, set by scripts/with-db.ts);
// db() reads DATABASE_URL on first use, which is below.
if (process.env.DATABASE_OWNER_URL) process.env.DATABASE_URL = process.env.DATABASE_OWNER_URL;
useSeedClock();

function planPatients(rows: Rows, clinic: Clinic, now: Date): PlannedPatient[] {
  const outA = [...OUT_A_DETAILED, ...OUT_A_MORE].map((spec, i) => planPatient(rows, spec, clinic.outA, clinic, now, `518-555-0${160 + i}`));
  const inB = IN_B_PATIENTS.map((spec, i) => planPatient(rows, spec, clinic.inB, clinic, now, `312-555-0${160 + i}`));
  return [...outA, ...inB];
}

/** One witnessed waste at OUT-A: a device dropped just before Dana Okafor's most recent session. */
function planWaste(rows: Rows, clinic: Clinic, sessions: PlannedSession[], uses: DeviceUse[]) {
  const at = sessions.filter((s) => s.patient.spec.mrn === "A-1004" && s.end).at(-1)!;
  const wastedAt = addMin(at.t0, -3);
  const row = {
    id: newId(),
    deviceId: "",
    wastedAt,
    reason: "Device dropped, dose not delivered",
    wastedById: clinic.staff.nora.id,
    witnessId: clinic.staff.priya.id,
  };
  rows.waste.push(row);
  uses.push({
    at: wastedAt,
    status: "WASTED",
    assign: (id) => {
      row.deviceId = id;
    },
  });
}

/** What the demo holds, counted in the database. */
async function summarise() {
  const c = db();
  const [
    sites,
    chairs,
    users,
    patients,
    enrollments,
    counsellingRecords,
    medications,
    flags,
    antidepressantTrials,
    sessionsDischarged,
    sessionsInProgress,
    deviceAdministrations,
    vitals,
    sedationAssessments,
    dissociationAssessments,
    clinicalDecisions,
    adverseEvents,
    protocolDeviations,
    outcomeMeasures,
    monitoringForms,
    monitoringFormsSubmitted,
    signatures,
    transfers,
    lots,
    wasteRecords,
    auditRows,
  ] = await Promise.all([
    c.site.count(),
    c.chair.count(),
    c.user.count(),
    c.patient.count(),
    c.remsEnrollment.count(),
    c.counsellingRecord.count(),
    c.concomitantMedication.count(),
    c.clinicalFlag.count(),
    c.antidepressantTrial.count(),
    c.treatmentSession.count({ where: { status: "DISCHARGED" } }),
    c.treatmentSession.count({ where: { status: { in: ["CHECKED_IN", "DOSING", "MONITORING"] } } }),
    c.deviceAdministration.count(),
    c.observationVital.count(),
    c.sedationAssessment.count(),
    c.dissociationAssessment.count(),
    c.clinicalDecision.count(),
    c.adverseEvent.count(),
    c.protocolDeviation.count(),
    c.outcomeMeasure.count(),
    c.patientMonitoringForm.count(),
    c.patientMonitoringForm.count({ where: { status: "SUBMITTED" } }),
    c.sessionSignature.count(),
    c.patientTransfer.count(),
    c.inventoryLot.count(),
    c.wasteRecord.count(),
    c.auditEvent.count(),
  ]);
  const devices = await c.device.groupBy({ by: ["status"], _count: true });
  return {
    sites,
    chairs,
    users,
    patients,
    enrollments,
    counsellingRecords,
    medications,
    flags,
    antidepressantTrials,
    sessionsDischarged,
    sessionsInProgress,
    deviceAdministrations,
    vitals,
    sedationAssessments,
    dissociationAssessments,
    clinicalDecisions,
    adverseEvents,
    protocolDeviations,
    outcomeMeasures,
    monitoringForms,
    monitoringFormsSubmitted,
    signatures,
    transfers,
    lots,
    devices: Object.fromEntries(devices.map((d) => [d.status, d._count])),
    wasteRecords,
    auditRows,
  };
}

function printAccounts() {
  const siteNames: Record<string, string> = { "OUT-A": "Riverside Outpatient Clinic", "IN-B": "Lakeside Inpatient Unit" };
  const table = [
    ["Email", "Name", "Role", "Sites"],
    ...DEMO_ACCOUNTS.map((a) => [a.email, `${a.firstName} ${a.lastName}`, a.role.toLowerCase(), a.sites.map((c) => siteNames[c]).join(" + ")]),
  ];
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
  if (await db().user.count()) throw new Error("This database already has users: the demo seed goes only into an empty database (it starts with first run).");
  const started = performance.now();
  const now = new Date();
  const rows = emptyRows();
  const clinic = planClinic(rows);
  const patients = planPatients(rows, clinic, now);
  const { sessions, uses } = planSessions(rows, clinic, patients, now);
  const history = planReportHistory(rows, clinic, patients, sessions, now);
  const outAUses = uses.get(clinic.outA.id)!;
  planWaste(rows, clinic, sessions, outAUses);
  const lots = planLots(rows, clinic, outAUses.filter((u) => u.status === "ADMINISTERED").length);
  allocateDevices(lots.outA, outAUses);
  allocateDevices(lots.inB, uses.get(clinic.inB.id)!);
  planOutcomes(rows, clinic, sessions);

  const { commands } = await replay(rows, {
    ...history,
    pmfSubmissions: planPmfSubmissions(clinic, sessions, now),
    signatures: planSignatures(clinic, sessions, now),
  });
  const counts = await summarise();
  await recordAudit({ actor: null, action: "seed.loaded", entityType: "Seed", after: { commands, ...counts } });
  const chain = await verifyAuditChain();
  if (!chain.intact) throw new Error(`The audit chain does not verify after seeding: ${JSON.stringify(chain)}`);

  console.log(
    `Seeded the demo clinic through ${commands} commands in ${((performance.now() - started) / 1000).toFixed(1)} s (audit chain of ${chain.rows} rows verified):`,
  );
  console.log(JSON.stringify(counts, null, 1).replace(/\n\s*/g, " "));
  printAccounts();
}

try {
  await main();
} finally {
  await db().$disconnect();
}
