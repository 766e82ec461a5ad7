import { expect, type APIRequestContext } from "@playwright/test";
import { sql } from "./db";

// A chair-side session prepared through the API (the screens are tested in the journeys), for specs that
// need one in a given state. Patients and chairs are picked free at run time, so specs do not collide.
export const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
/** Entries prepared here are documented after the fact: R49 asks why when one is late (ignored when not). */
export const LATE = "Prepared after the fact by the test";
let n = 0;
export const key = () => `act${Date.now()}${n++}`;

/** A free chair and an enrolled patient with no session in the last day, at the outpatient site. */
export async function freePatientAndChair() {
  const [f] = await sql<{ patientId: string; name: string; chairId: string; psychId: string; nurseId: string }>(`
    SELECT p.id AS "patientId", p."firstName" || ' ' || p."lastName" AS name, ch.id AS "chairId", (SELECT id FROM "User" WHERE email = 'psych@example.com') AS "psychId",
      (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS "nurseId"
    FROM "Patient" p JOIN "Site" st ON st.id = p."siteId" JOIN "Chair" ch ON ch."siteId" = st.id
    WHERE st.code = 'OUT-A' AND ch.active
      AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."chairId" = ch.id AND x.status IN ('CHECKED_IN','DOSING','MONITORING'))
      AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."patientId" = p.id AND x."treatmentDate" >= CURRENT_DATE - 1)
      AND NOT EXISTS (SELECT 1 FROM "ClinicalFlag" fl WHERE fl."patientId" = p.id AND fl."removedAt" IS NULL)
      AND EXISTS (SELECT 1 FROM "RemsEnrollment" e WHERE e."patientId" = p.id)
      -- R7: counselled on every topic before a first dose, and before the (back-dated) device times the specs record
      AND (SELECT count(DISTINCT t) FROM "CounsellingRecord" c, unnest(c.topics) t WHERE c."patientId" = p.id AND c."counselledAt" < now() - interval '1 day') >= 7
    ORDER BY p.mrn DESC, ch.label LIMIT 1`);
  expect(f, "an enrolled patient without a session today and a free chair").toBeTruthy();
  return f;
}

/**
 * Checked in on the given chair, checklist, pre-dose reading and 56 mg, through the API (the screens are tested in
 * the journey). `checklist` adds to or overrides the checklist's answers.
 */
export async function sessionUpToDose(
  api: APIRequestContext,
  at: { patientId: string; chairId: string },
  preDoseAgo = 70,
  checklist: Record<string, unknown> = {},
): Promise<string> {
  const [staff] = await sql<{ psychId: string; nurseId: string }>(
    `SELECT (SELECT id FROM "User" WHERE email = 'psych@example.com') AS "psychId", (SELECT id FROM "User" WHERE email = 'nurse@example.com') AS "nurseId"`,
  );
  const res = await api.post("/api/sessions", {
    data: { patientId: at.patientId, chairId: at.chairId, prescriberOnSiteId: staff.psychId, monitoringHcpId: staff.nurseId, indication: "TRD" },
    headers: { "idempotency-key": key() },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).data.result.id as string;
  // the patient arrived before the pre-dose reading (R49 refuses entries before the server-stamped check-in)
  await sql(`UPDATE "TreatmentSession" SET "checkedInAt" = now() - make_interval(mins => $2) WHERE id = $1`, [id, preDoseAgo + 5]);
  expect(
    (
      await api.put(`/api/sessions/${id}/checklist`, {
        data: {
          version: 0,
          rideType: "RIDESHARE",
          lastFoodAt: ago(500),
          lastLiquidAt: ago(400),
          conmedBenzodiazepines: false,
          conmedSedativeHypnotics: false,
          conmedPsychostimulants: false,
          conmedMaois: false,
          conmedOpioids: false,
          conmedConfirmed: true,
          pregnancyStatus: "NOT_APPLICABLE",
          ...checklist,
        },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await api.post(`/api/sessions/${id}/vitals`, {
        data: { kind: "PRE_DOSE", takenAt: ago(preDoseAgo), systolic: 126, diastolic: 80, heartRate: 72, spo2: 98, lateReason: LATE },
        headers: { "idempotency-key": key() },
      })
    ).status(),
  ).toBe(201);
  const [{ version }] = await sql<{ version: number }>(`SELECT version FROM "TreatmentSession" WHERE id = $1`, [id]);
  expect((await api.put(`/api/sessions/${id}/dose`, { data: { version, doseOption: "56" } })).status()).toBe(200);
  return id;
}

/** A session up to the dose for an enrolled patient without a session today, on a free chair. */
export async function preparedSession(api: APIRequestContext, preDoseAgo = 70) {
  const f = await freePatientAndChair();
  return { id: await sessionUpToDose(api, f, preDoseAgo, { enrollmentVerified: true }), name: f.name };
}
/** Ends a prepared session (an emergency transfer closes it) so its chair is free for the specs that follow. */
export async function releaseChair(api: APIRequestContext, id: string) {
  const r = await api.post(`/api/sessions/${id}/transfer`, { data: { receivingService: "ED", reason: "Test cleanup: chair needed", lateReason: LATE } });
  expect(r.status(), await r.text()).toBe(200);
}
/**
 * At least `min` usable devices on hand at the outpatient site: the seed's lots are small and the specs dose many
 * sessions, so a delivery of 30 is put in stock when they run low (as data: receiving a lot has its own spec).
 */
export async function ensureDevicesOnHand(min = 6) {
  const [{ n }] = await sql<{
    n: number;
  }>(`SELECT count(*)::int AS n FROM "Device" d JOIN "InventoryLot" l ON l.id = d."lotId" JOIN "Site" s ON s.id = l."siteId"
    WHERE s.code = 'OUT-A' AND d.status = 'ON_HAND' AND l."expiresOn" > now() + interval '1 day'`);
  if (n >= min) return;
  const lot = `E2E${Date.now().toString(36).toUpperCase()}`;
  await sql(
    `INSERT INTO "InventoryLot" (id, "siteId", ndc, "kitDescription", "lotNumber", "expiresOn", "receivedAt", supplier, "receivedById", "deviceCount")
    SELECT $1, s.id, '50458-028-02', '56 mg kit (2 devices)', $1, DATE '2031-12-31', now() - interval '30 days', 'E2E stock', (SELECT id FROM "User" WHERE email = 'admin@example.com'), 30
    FROM "Site" s WHERE s.code = 'OUT-A'`,
    [lot],
  );
  await sql(`INSERT INTO "Device" (id, "lotId", serial) SELECT $1 || '-' || g, $1, $1 || '-' || lpad(g::text, 3, '0') FROM generate_series(1, 30) g`, [lot]);
}
export const onHand = async () => {
  await ensureDevicesOnHand(1);
  return (
    await sql<{ id: string }>(`SELECT d.id FROM "Device" d JOIN "InventoryLot" l ON l.id = d."lotId" JOIN "Site" s ON s.id = l."siteId"
    WHERE s.code = 'OUT-A' AND d.status = 'ON_HAND' AND l."expiresOn" > now() + interval '1 day' ORDER BY l."expiresOn", d.serial LIMIT 1`)
  )[0].id;
};
export const device = async (api: APIRequestContext, id: string, minutesAgo: number) => {
  const r = await api.post(`/api/sessions/${id}/devices`, {
    data: { deviceId: await onHand(), administeredAt: ago(minutesAgo), lateReason: LATE, acknowledgedWarnings: ["R12_FOOD", "R12_LIQUID", "R12_NASAL_MED"] },
    headers: { "idempotency-key": key() },
  });
  expect(r.status(), await r.text()).toBe(201);
};

/** A prepared session two hours on: two devices, a 40-minute reading (late), MOAA/S 5, no dissociation and a pre-discharge reading — ready for the discharge assessment. */
export async function observedSession(api: APIRequestContext, fortyMinute: { systolic: number; diastolic: number; heartRate: number; spo2: number }) {
  const s = await preparedSession(api, 140);
  const post = async (url: string, data: unknown) => {
    const r = await api.post(url, { data, headers: { "idempotency-key": key() } });
    expect(r.status(), await r.text()).toBe(201);
  };
  for (const m of [130, 125]) await device(api, s.id, m);
  await post(`/api/sessions/${s.id}/vitals`, { kind: "POST_40", takenAt: ago(90), ...fortyMinute, lateReason: LATE });
  await post(`/api/sessions/${s.id}/sedation`, { takenAt: ago(6), moaas: 5 });
  await post(`/api/sessions/${s.id}/dissociation`, { takenAt: ago(6), present: false, scale: "NONE", itemScores: [] });
  await post(`/api/sessions/${s.id}/vitals`, { takenAt: ago(5), systolic: 128, diastolic: 82, heartRate: 76, spo2: 98 });
  return s;
}
