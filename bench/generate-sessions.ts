// Bench data: N sessions (default 100 000) with 10 vitals each (1 000 000) over 20 sites, written directly
// in SQL with generate_series (seconds, not the app's commands: this is not the demo seed and its audit
// chain is not a real chain). Run only against a throwaway database (bench/run-list-pages.sh starts one).
//   BENCH_SESSIONS=100000 tsx bench/generate-sessions.ts
// Shape: 20 sites (16 outpatient, 4 inpatient), 6 chairs and one nurse each, one administrator of every site;
// max(100, N/20) patients; sessions spread over the two years up to today (one per patient per day), each
// with two devices, ten vitals, a discharge decision, a PMF at an outpatient site (submitted after 14 days)
// and two audit rows; an adverse event every 50th session (serious every 500th, the newest ones not yet
// reported), a recorded deviation every 40th; the newest 60 sessions are on the chair board (monitoring).
// Lots of 200 devices per site and block of sessions, each with 12 devices still on hand.
import pg from "pg";

export const SITES = 20;
export const VITALS_PER_SESSION = 10;

export async function generateSessions(url: string, n: number, log = console.log) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t = performance.now();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const s = performance.now();
    const r = await c.query(sql, params);
    log(`  ${label.padEnd(28)} ${String(r.rowCount ?? "").padStart(9)} rows  ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };
  const patients = Math.max(100, Math.ceil(n / SITES));
  const pmfFields = JSON.stringify({
    "patient.firstName": "Bench",
    "patient.middleInitial": "",
    "patient.birthDate": "01/01/1980",
    "patient.sex": "Other",
    isFirstTreatment: false,
    isEnrolledInRems: true,
    "conmed.benzodiazepines": false,
    "conmed.nonBenzoSedativeHypnotics": false,
    "conmed.psychostimulants": false,
    "conmed.maois": false,
    "conmed.opioids": false,
    "monitoringHcp.firstName": "Nora",
    "monitoringHcp.lastName": "Bishop",
    "monitoringHcp.telephone": "518-555-0141",
    "monitoringHcp.email": "nurse@example.com",
    "site.address1": "1 Main St",
    "site.address2": "",
    "site.city": "Hudson",
    "site.state": "NY",
    "site.zip": "12534",
    doseAdministered: "56 mg",
    lotNumber: "24A118",
    readyToLeaveMinutes: 90,
    vitalsAcceptablePreAdministration: true,
    vitalsAcceptablePreCompletion: true,
    "bp.preAdministration": "128/80",
    "bp.post40min": "146/88",
    "bp.preCompletion": "126/80",
    "sedation.occurred": true,
    "sedation.resolvedBeforeCompletion": true,
    "dissociation.occurred": false,
    "dissociation.resolvedBeforeCompletion": null,
    "respiratoryDepression.occurred": false,
    "pulseOximetry.monitored": true,
    "seriousAdverseEvent.occurred": false,
    protocolDeviations: [],
  });
  await c.query("BEGIN");
  await c.query(`SET LOCAL synchronous_commit = off`);
  // Session i: patient i % P (site = patient % 20), day = today - floor(i * 730 / N), first device at 14:00 UTC.
  await c.query(
    `CREATE TEMP TABLE g ON COMMIT DROP AS SELECT i, (i % $1) AS p, (i % $1) % ${SITES} AS site,
      (current_date - (i::bigint * 730 / $2)::int) AS day, i < 60 AS active
    FROM generate_series(0, $2 - 1) i`,
    [patients, n],
  );
  await c.query(`ALTER TABLE g ADD COLUMN t0 timestamptz`);
  await c.query(`UPDATE g SET day = current_date, t0 = now() - interval '30 minutes' WHERE active`);
  await c.query(`UPDATE g SET t0 = day + time '14:00' WHERE NOT active`);
  await step(
    "sites",
    `INSERT INTO "Site"(id, code, name, "settingType", "certificationStatus", address1, city, state, zip, "timeZone", "updatedAt")
    SELECT 'site-' || s, 'BENCH-' || s, 'Bench clinic ' || s, (CASE WHEN s < 16 THEN 'OUTPATIENT' ELSE 'INPATIENT' END)::"SettingType", 'ACTIVE'::"CertificationStatus", '1 Main St', 'Hudson', 'NY', '12534', 'America/New_York', now()
    FROM generate_series(0, ${SITES - 1}) s`,
  );
  await c.query(`INSERT INTO "RemsParameterSet"(id, "effectiveFrom") VALUES ('rems-bench', '2019-01-01') ON CONFLICT DO NOTHING`);
  await step(
    "chairs",
    `INSERT INTO "Chair"(id, "siteId", label) SELECT 'chair-' || s || '-' || k, 'site-' || s, 'Chair ' || (k + 1) FROM generate_series(0, ${SITES - 1}) s, generate_series(0, 5) k`,
  );
  await step(
    "users",
    `INSERT INTO "User"(id, email, "firstName", "lastName", role, "passwordHash", "updatedAt")
    SELECT 'nurse-' || s, 'nurse' || s || '@bench.example', 'Nora', 'Bench' || s, 'NURSE'::"Role", 'x', now() FROM generate_series(0, ${SITES - 1}) s
    UNION ALL SELECT 'admin-bench', 'admin@bench.example', 'Ada', 'Admin', 'ADMIN'::"Role", 'x', now()`,
  );
  await step(
    "user sites",
    `INSERT INTO "UserSite"("userId", "siteId") SELECT 'nurse-' || s, 'site-' || s FROM generate_series(0, ${SITES - 1}) s
    UNION ALL SELECT 'admin-bench', 'site-' || s FROM generate_series(0, ${SITES - 1}) s`,
  );
  await step(
    "patients",
    `INSERT INTO "Patient"(id, "siteId", mrn, "firstName", "lastName", "birthDate", sex, "updatedAt")
    SELECT 'pat-' || p, 'site-' || (p % ${SITES}), 'M-' || lpad(p::text, 6, '0'), (ARRAY['James','Mary','Robert','Linda','David','Susan'])[1 + p % 6],
      (ARRAY['Smith','Johnson','Brown','Garcia','Miller','Davis','Lopez','Wilson','Moore','Lee'])[1 + (p * 7) % 10] || '-' || p, date '1950-01-01' + (p % 15000), 'OTHER'::"Sex", now()
    FROM generate_series(0, $1 - 1) p`,
    [patients],
  );
  await step(
    "sessions",
    `INSERT INTO "TreatmentSession"(id, "patientId", "siteId", "chairId", "monitoringHcpId", status, indication, "checkedInAt", "treatmentDate", "plannedDoseMg", "endOfMonitoringAt", "updatedAt")
    SELECT 'ses-' || i, 'pat-' || p, 'site-' || site, CASE WHEN active THEN 'chair-' || site || '-' || (i / ${SITES}) ELSE 'chair-' || site || '-' || (i % 6) END, 'nurse-' || site,
      (CASE WHEN active THEN 'MONITORING' ELSE 'DISCHARGED' END)::"SessionStatus", 'TRD'::"Indication", t0 - interval '30 minutes', day, 56,
      CASE WHEN active THEN NULL ELSE t0 + make_interval(mins => 120 + i % 15) END, now()
    FROM g`,
  );
  await step(
    "lots",
    `INSERT INTO "InventoryLot"(id, "siteId", ndc, "lotNumber", "expiresOn", "receivedAt", supplier, "receivedById", "deviceCount")
    SELECT DISTINCT 'lot-' || site || '-' || (i / 2000), 'site-' || site, '50458-028-02', 'L' || site || '-' || (i / 2000), current_date + 365, now() - interval '800 days', 'Bench supplier', 'nurse-' || site, 212 FROM g`,
  );
  await step(
    "devices",
    `INSERT INTO "Device"(id, "lotId", serial, status)
    SELECT 'dev-' || i || '-' || k, 'lot-' || site || '-' || (i / 2000), 'S' || i || '-' || k, 'ADMINISTERED'::"DeviceStatus" FROM g, generate_series(1, 2) k
    UNION ALL SELECT 'dev-' || l.id || '-h' || h, l.id, 'H-' || h, 'ON_HAND'::"DeviceStatus" FROM "InventoryLot" l, generate_series(1, 12) h`,
  );
  await step(
    "device administrations",
    `INSERT INTO "DeviceAdministration"(id, "sessionId", sequence, "administeredAt", "deviceId", "recordedById")
    SELECT 'adm-' || i || '-' || k, 'ses-' || i, k, t0 + make_interval(mins => (k - 1) * 5), 'dev-' || i || '-' || k, 'nurse-' || site FROM g, generate_series(1, 2) k`,
  );
  await step(
    "vitals",
    `INSERT INTO "ObservationVital"(id, "sessionId", "takenAt", kind, systolic, diastolic, "heartRate", spo2, "recordedById")
    SELECT 'vit-' || i || '-' || k, 'ses-' || i, t0 + make_interval(mins => (ARRAY[-10, 10, 20, 30, 40, 50, 60, 80, 100, 115])[k]),
      (CASE k WHEN 1 THEN 'PRE_DOSE' WHEN 5 THEN 'POST_40' WHEN 10 THEN 'PRE_COMPLETION' ELSE 'EXTRA' END)::"VitalKind",
      118 + (i + k) % 30, 70 + (i + k) % 15, 60 + (i * k) % 30, 95 + (i + k) % 5, 'nurse-' || site
    FROM g, generate_series(1, ${VITALS_PER_SESSION}) k WHERE NOT active OR k <= 4`,
  );
  await step(
    "discharge decisions",
    `INSERT INTO "DischargeDecision"(id, "sessionId", outcome, "decidedAt", "hcpId", "criteriaSnapshot", "readyToLeaveMinutes")
    SELECT 'dis-' || i, 'ses-' || i, 'DISCHARGED'::"SessionOutcome", t0 + make_interval(mins => 120 + i % 15), 'nurse-' || site, '{}'::jsonb, 90 + i % 30 FROM g WHERE NOT active`,
  );
  await step(
    "PMFs",
    `INSERT INTO "PatientMonitoringForm"(id, "sessionId", "siteId", "formVersion", fields, status, "dueDate", "ownerId", "submittedAt", "submittedById", channel, confirmation)
    SELECT 'pmf-' || i, 'ses-' || i, 'site-' || site, 'current-2024',
      $1::jsonb || jsonb_build_object('patient.lastName', 'Patient ' || p, 'site.name', 'Bench clinic ' || site, 'treatmentDate', to_char(day, 'MM/DD/YYYY'), 'totalMonitoringMinutes', 120 + i % 15),
      (CASE WHEN day < current_date - 14 THEN 'SUBMITTED' WHEN i % 3 = 0 THEN 'DRAFT' ELSE 'READY' END)::"PmfStatus", day + 7, 'nurse-' || site,
      CASE WHEN day < current_date - 14 THEN t0 + interval '2 days' END, CASE WHEN day < current_date - 14 THEN 'admin-bench' END,
      (CASE WHEN day < current_date - 14 THEN 'ONLINE' END)::"SubmissionChannel", CASE WHEN day < current_date - 14 THEN 'PMF-' || i END
    FROM g WHERE NOT active AND site < 16`,
    [pmfFields],
  );
  await step(
    "adverse events",
    `INSERT INTO "AdverseEvent"(id, "patientId", "siteId", "sessionId", type, description, serious, "onsetAt", "resolvedAt", "reportedToRemsAt", "remsReference", "recordedById")
    SELECT 'ae-' || i, 'pat-' || p, 'site-' || site, 'ses-' || i, (ARRAY['SEDATION','DISSOCIATION','HYPERTENSION','OTHER'])[1 + (i / 50) % 4]::"AdverseEventType",
      'Bench event ' || i, i % 500 = 0, t0 + interval '30 minutes', t0 + interval '60 minutes',
      CASE WHEN i % 500 = 0 AND i >= 5000 THEN t0 + interval '1 day' END, CASE WHEN i % 500 = 0 AND i >= 5000 THEN 'REMS-' || i END, 'nurse-' || site
    FROM g WHERE i % 50 = 0 AND NOT active`,
  );
  await step(
    "deviations",
    `INSERT INTO "ProtocolDeviation"(id, "sessionId", code, description, "detectedAt", reason, "recordedById")
    SELECT 'dev-r-' || i, 'ses-' || i, 'RECORDED', 'Left before the end of monitoring', t0 + interval '100 minutes', 'Ride arrived early', 'nurse-' || site FROM g WHERE i % 40 = 7 AND NOT active`,
  );
  await step(
    "audit events",
    `INSERT INTO "AuditEvent"(at, "actorId", "actorEmail", "actorRole", action, "entityType", "entityId", "siteId", "patientId", "prevHash", hash)
    SELECT t0 + make_interval(mins => k), 'nurse-' || site, 'nurse' || site || '@bench.example', 'NURSE', (ARRAY['session.check_in', 'vitals.record'])[k], 'TreatmentSession', 'ses-' || i,
      'site-' || site, 'pat-' || p, 'bench', md5('ses-' || i || '-' || k) FROM g, generate_series(1, 2) k ORDER BY 1`,
  );
  await c.query("COMMIT");
  // What autovacuum does to a live database after a load (PostgreSQL 13+ vacuums insert-only tables too): the
  // visibility map lets covering indexes answer without the table, as they would in a clinic's database.
  await c.query("VACUUM ANALYZE");
  await c.end();
  log(`Generated ${n} sessions, ${n * VITALS_PER_SESSION} vitals (about) over ${SITES} sites in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Run through scripts/with-db.ts (DATABASE_OWNER_URL) against a throwaway database.");
  await generateSessions(url, Number(process.env.BENCH_SESSIONS ?? 100_000));
}
