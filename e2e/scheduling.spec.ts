import { expect, test, type APIRequestContext, type Browser, type Page } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";
import { key } from "./helpers/session-api";
import { COUNSELLING_TOPICS } from "@/lib/patients/enrollment-schema";

// Issue 16: chair scheduling, prior authorizations and checking in from the board's appointment. The spec makes
// its own patients through the app's API (a nurse registers and enrolls them, a psychiatrist records the payer's
// authorizations), so no seeded patient another spec uses is touched.
const TZ = "America/New_York";
const localDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const stamp = Date.now().toString(36).toUpperCase();
const today = localDay(new Date());
const tomorrow = addDays(today, 1);

type Made = { id: string; mrn: string; first: string; last: string };
let siteId: string;
let enrolled: Made; // booked through the screens
let unenrolled: Made; // refused
let walkIn: Made; // booked, then moved to today, then checked in from the board

async function api(browser: Browser, email: string): Promise<{ page: Page; req: APIRequestContext; close: () => Promise<void> }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email);
  return { page, req: page.request, close: () => ctx.close() };
}

/** A booking made through the API (as the booking screen sends it), at a local time of a day of the site; its id. */
async function bookThroughApi(req: APIRequestContext, patient: Made, chairId: string, day: string, time: string): Promise<string> {
  const [{ id: nurseId }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'nurse@example.com'`);
  const startsAt = (await sql<{ t: Date }>(`SELECT (($1::date + $2::time) AT TIME ZONE $3) AS t`, [day, time, TZ]))[0].t;
  const booked = await req.post("/api/appointments", {
    data: { patientId: patient.id, chairId, startsAt: new Date(startsAt).toISOString(), monitoringNurseId: nurseId },
    headers: { "idempotency-key": key() },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  return (await booked.json()).data.id as string;
}

async function newPatient(req: APIRequestContext, first: string): Promise<Made> {
  const mrn = `SCH-${stamp}-${first.slice(0, 3).toUpperCase()}`;
  const res = await req.post("/api/patients", {
    data: { siteId, mrn, firstName: first, lastName: `Sched${stamp}`, birthDate: "1975-06-15", sex: "FEMALE", indication: "TRD" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  return { id: body.data.id ?? body.data.patient?.id, mrn, first, last: `Sched${stamp}` };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  [{ id: siteId }] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
  const [{ id: psychId }] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'psych@example.com'`);
  const nurse = await api(browser, "nurse@example.com");
  enrolled = await newPatient(nurse.req, "Enrolled");
  unenrolled = await newPatient(nurse.req, "Unenrolled");
  walkIn = await newPatient(nurse.req, "Walkin");
  const signed = addDays(today, -10);
  for (const p of [enrolled, walkIn]) {
    const r = await nurse.req.post(`/api/patients/${p.id}/enrollments`, {
      data: {
        prescriberId: psychId,
        patientSignedOn: signed,
        prescriberSignedOn: signed,
        submittedOn: signed,
        channel: "ONLINE",
        remsConfirmation: `ENR-${p.mrn}`,
      },
    });
    expect(r.status(), await r.text()).toBe(201);
    // Counselled too (R7), so that a later spec that picks "an enrolled patient" may dose them.
    const c = await nurse.req.post(`/api/patients/${p.id}/counselling`, { data: { counselledById: psychId, topics: [...COUNSELLING_TOPICS] } });
    expect(c.status(), await c.text()).toBe(201);
  }
  await nurse.close();
  const psych = await api(browser, "psych@example.com");
  // Twice weekly for 4 weeks then weekly; the enrolled patient's ends in 10 days (so it is listed for renewal).
  for (const [p, end] of [
    [enrolled, addDays(today, 10)],
    [walkIn, addDays(today, 60)],
    [unenrolled, addDays(today, 60)],
  ] as const) {
    const r = await psych.req.post(`/api/patients/${p.id}/authorizations`, {
      data: {
        payerName: "Acme Health",
        reference: `PA-${p.mrn}`,
        startDate: addDays(today, -3),
        endDate: end,
        phases: [
          { sessionsPerWeek: 2, weeks: 4 },
          { sessionsPerWeek: 1, weeks: 8 },
        ],
        sessionsApproved: 12,
      },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await psych.close();
});

async function bookFromDayView(page: Page, p: Made, chair: string, time: string) {
  await page.goto(`/schedule?site=${siteId}&date=${tomorrow}`);
  await page.getByRole("link", { name: `Book ${chair} at ${time}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`at ${time}`);
  await page.getByLabel("Find patient (name or MRN)").fill(p.mrn);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("radio", { name: new RegExp(p.mrn) })).toBeChecked();
  await page.getByRole("button", { name: "Book", exact: true }).click();
}

test("a nurse books tomorrow's chair for an enrolled patient with a valid authorization, and is refused for an unenrolled one", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await signIn(page, "nurse@example.com");
  await page.getByRole("link", { name: "Schedule", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule — Riverside Outpatient Clinic");

  await bookFromDayView(page, enrolled, "Chair 3", "09:30");
  await expect(page).toHaveURL(new RegExp(`/schedule\\?site=${siteId}&date=${tomorrow}`));
  const cell = page.getByRole("cell", { name: new RegExp(enrolled.mrn) });
  await expect(cell).toContainText(`${enrolled.last}, ${enrolled.first}`);
  await expect(cell).toContainText("Booked");
  const [a] = await sql<{ status: string; chair: string }>(
    `SELECT a.status, c.label AS chair FROM "Appointment" a JOIN "Chair" c ON c.id = a."chairId" WHERE a."patientId" = $1`,
    [enrolled.id],
  );
  expect(a).toEqual({ status: "BOOKED", chair: "Chair 3" });

  await bookFromDayView(page, unenrolled, "Chair 4", "12:00");
  const refusal = page.getByRole("alert").filter({ hasText: "Not booked" });
  await expect(refusal).toContainText("The patient is not enrolled in the SPRAVATO REMS: complete the enrollment form first");
  expect(await sql(`SELECT 1 FROM "Appointment" WHERE "patientId" = $1`, [unenrolled.id])).toHaveLength(0);
  await page.screenshot({ path: "docs/screens/schedule-book-refused-820.png", fullPage: true });

  // The same chair block cannot be booked twice: the day view no longer offers it.
  await page.goto(`/schedule?site=${siteId}&date=${tomorrow}`);
  await expect(page.getByRole("link", { name: "Book Chair 3 at 09:30" })).toHaveCount(0);
  await page.screenshot({ path: "docs/screens/schedule-day-820.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "docs/screens/schedule-day-1280.png", fullPage: true });
  await page.getByRole("link", { name: "Week", exact: true }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `${enrolled.last}, ${enrolled.first}` })
      .last(),
  ).toBeVisible();
  await page.screenshot({ path: "docs/screens/schedule-week-1280.png", fullPage: true });
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: "docs/screens/schedule-week-820.png", fullPage: true });
});

test("a nurse checks in from the board's appointment: the session is linked and the appointment checked in", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  // Booked for tomorrow through the API, then moved to a block that started today (as a booking made earlier would be).
  const [chair] = await sql<{ id: string; label: string }>(
    `SELECT ch.id, ch.label FROM "Chair" ch WHERE ch."siteId" = $1 AND ch.active
    AND NOT EXISTS (SELECT 1 FROM "TreatmentSession" x WHERE x."chairId" = ch.id AND x.status IN ('CHECKED_IN','DOSING','MONITORING')) ORDER BY ch.label DESC LIMIT 1`,
    [siteId],
  );
  expect(chair, "a free chair").toBeTruthy();
  const appointmentId = await bookThroughApi(page.request, walkIn, chair.id, tomorrow, "14:30");
  await sql(
    `UPDATE "Appointment" SET "startsAt" = now() - interval '5 minutes', "endsAt" = now() + interval '145 minutes', "localDate" = $2::date WHERE id = $1`,
    [appointmentId, today],
  );

  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto("/board");
  const waiting = page.getByRole("region", { name: "Today's appointments not yet checked in" });
  const item = waiting.getByRole("listitem").filter({ hasText: walkIn.mrn });
  await expect(item).toContainText(`${walkIn.last}, ${walkIn.first}`);
  await expect(item).toContainText("born 15 Jun 1975");
  await expect(page.getByTestId("free-chairs")).toContainText(chair.label);
  await page.screenshot({ path: "docs/screens/schedule-board-820.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "docs/screens/schedule-board-1280.png", fullPage: true });

  // Find patient works too (name or MRN), offering a check-in.
  await page.getByLabel("Name or MRN").fill(walkIn.mrn);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: `Check in ${walkIn.last}, ${walkIn.first}` })).toHaveCount(2);

  await item.getByRole("link", { name: /^Check in/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Check in ${walkIn.first} ${walkIn.last}`);
  await expect(page.getByLabel("Chair")).toHaveValue(chair.id); // the booked chair, among the free ones
  await page.getByLabel("Indication").selectOption("TRD");
  await page.getByLabel("Prescriber on site").selectOption({ label: "Priya Shah" });
  await page.getByRole("button", { name: "Check in", exact: true }).click();
  await expect(page).toHaveURL(/\/sessions\/[a-z0-9]+$/);
  const sessionId = page.url().split("/").pop()!;
  const [s] = await sql<{ appointmentId: string; status: string }>(
    `SELECT s."appointmentId", a.status FROM "TreatmentSession" s JOIN "Appointment" a ON a.id = s."appointmentId" WHERE s.id = $1`,
    [sessionId],
  );
  expect(s).toEqual({ appointmentId, status: "CHECKED_IN" });

  // The board: the visit has left the waiting list and its card shows MRN and birth date.
  await page.goto("/board");
  await expect(page.getByRole("listitem").filter({ hasText: walkIn.mrn }).filter({ hasText: "Check in" })).toHaveCount(0);
  await expect(page.getByRole("listitem", { name: new RegExp(`^${chair.label}:`) })).toContainText(`MRN ${walkIn.mrn} · born 15 Jun 1975`);
  // Free the chair for the specs that follow (the patient leaves without a dose).
  const [{ version }] = await sql<{ version: number }>(`SELECT version FROM "TreatmentSession" WHERE id = $1`, [sessionId]);
  const ended = await page.request.post(`/api/sessions/${sessionId}/not-dosed`, {
    data: { version, reason: "PATIENT_DECLINED", note: "" },
    headers: { "idempotency-key": key() },
  });
  expect(ended.status(), await ended.text()).toBeLessThan(300);
});

test("a psychiatrist sees the authorization that ends within 14 days in the renewal list, and the patient's tab counts sessions", async ({ page }) => {
  await signIn(page, "psych@example.com");
  await page.getByRole("link", { name: "Authorizations", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Authorizations to renew");
  const row = page.getByRole("row").filter({ hasText: enrolled.mrn });
  await expect(row).toContainText("ends in 10 days");
  await expect(row).toContainText("0 of 12 used · 12 left · 1 booked");
  await expect(page.getByRole("row").filter({ hasText: walkIn.mrn })).toHaveCount(0);
  await row.getByRole("link", { name: `${enrolled.last}, ${enrolled.first}` }).click();
  await expect(page.getByRole("link", { name: "Authorizations", exact: true }).last()).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row").filter({ hasText: `PA-${enrolled.mrn}` })).toContainText("2 a week for 4 weeks, then 1 a week after that");
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.screenshot({ path: "docs/screens/schedule-authorizations-820.png", fullPage: true });
  await page.goto(`/patients/${enrolled.id}/trd`);
  await page.getByRole("link", { name: /Prior authorizations of this patient/ }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${enrolled.id}/authorizations$`));
});

test("an administrator sees the renewal list too; a nurse reads authorizations but cannot add one", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/authorizations");
  await expect(page.getByRole("row").filter({ hasText: enrolled.mrn })).toContainText("ends in 10 days");
  const nurse = await api(browser, "nurse@example.com");
  await nurse.page.goto(`/patients/${enrolled.id}/authorizations`);
  await expect(nurse.page.getByRole("row").filter({ hasText: `PA-${enrolled.mrn}` })).toBeVisible();
  await expect(nurse.page.getByRole("form", { name: "Prior authorization" })).toHaveCount(0);
  const r = await nurse.req.post(`/api/patients/${enrolled.id}/authorizations`, { data: {} });
  expect(r.status()).toBe(403);
  await nurse.close();
});

test("a nurse cancels a booked visit from the day view with its reason; the chair block is offered again", async ({ page }) => {
  await signIn(page, "nurse@example.com");
  const day = addDays(today, 2);
  const [chair] = await sql<{ id: string }>(`SELECT id FROM "Chair" WHERE "siteId" = $1 AND label = 'Chair 2'`, [siteId]);
  const appointmentId = await bookThroughApi(page.request, enrolled, chair.id, day, "09:30");

  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto(`/schedule?site=${siteId}&date=${day}`);
  const cell = page.getByRole("cell", { name: new RegExp(enrolled.mrn) });
  const name = `${enrolled.last}, ${enrolled.first}`;
  await expect(cell.getByRole("button", { name: `No-show of ${name}` })).toHaveCount(0); // not before the block has started
  await cell.getByRole("button", { name: `Cancel visit of ${name}` }).click();
  const form = cell.getByRole("form", { name: `Cancel visit of ${name}` });
  await form.getByRole("button", { name: "Cancel the visit" }).click();
  await expect(form.getByText("Say why (at least 3 characters)")).toBeVisible();
  await form.getByLabel("Why is it cancelled?").fill("Patient asked to move it to next week");
  await page.screenshot({ path: "docs/screens/schedule-cancel-820.png", fullPage: true });
  await form.getByRole("button", { name: "Cancel the visit" }).click();

  await expect(page.getByRole("link", { name: "Book Chair 2 at 09:30" })).toBeVisible();
  const closed = page.getByRole("region", { name: "Cancelled and missed" });
  await expect(closed).toContainText(`${name} (MRN ${enrolled.mrn})`);
  await expect(closed).toContainText("Patient asked to move it to next week");
  const [a] = await sql<{ status: string; statusReason: string }>(`SELECT status, "statusReason" FROM "Appointment" WHERE id = $1`, [appointmentId]);
  expect(a).toEqual({ status: "CANCELLED", statusReason: "Patient asked to move it to next week" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "docs/screens/schedule-cancelled-1280.png", fullPage: true });
});
