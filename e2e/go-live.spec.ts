import { expect, test, type Page } from "./helpers/test";
import pg from "pg";

// A clinic installs the tracker on an empty database (migrations only, no seed: the "go-live" project's
// own server) and works only through the app: first administrator and site, staff, a lot, a patient,
// a session. Clinical times are entered as the tablet's back-entry of earlier readings ("Given at",
// "Time"), as a nurse charting after the fact does; no server clock is moved.
const url = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_GOLIVE_PG_PORT ?? 54341}/app`;
async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}
const PASSWORD = "Go-live-pass-2026";
// The clinic's calendar day (the go-live site and the REMS dates are US Eastern), not UTC's: in the evening they differ.
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
const day = (offset: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const localAgo = (page: Page, min: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  }, min);
const shots = async (page: Page, name: string) => {
  for (const [w, h] of [
    [820, 1180],
    [1280, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/screens/go-live-${name}-${w}.png`, fullPage: true });
  }
};
async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

test.describe.configure({ mode: "serial" });

test.describe("go live on an empty database", () => {
  test("first administrator and site → staff → a lot → REMS parameters → a patient, enrolled and counselled → check-in → first device", async ({ page }) => {
    test.setTimeout(180_000);
    expect(await sql(`SELECT 1 FROM "User"`)).toHaveLength(0);

    // Every page leads to the setup while no one exists.
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Set up the tracker" })).toBeVisible();
    await shots(page, "setup");

    // The route re-validates with the same schema: field messages keyed as the form names its fields; nothing saved.
    const bad = await page.request.post("/api/setup", {
      data: { admin: { firstName: "A", lastName: "B", email: "nope", password: "short" }, site: { chairs: [{ label: "" }] } },
    });
    expect(bad.status()).toBe(422);
    const badBody = (await bad.json()) as { fieldErrors: Record<string, string[]> };
    expect(badBody.fieldErrors).toMatchObject({
      "admin.email": ["Enter a valid email address"],
      "admin.password": ["At least 12 characters"],
      "site.chairs.0.label": ["Enter the chair's name"],
    });
    expect(await sql(`SELECT 1 FROM "User"`)).toHaveLength(0);

    const setup = page.getByRole("form", { name: "First run setup" });
    await setup.getByRole("button", { name: "Create administrator and site" }).click();
    await expect(setup.getByText("Enter the first name")).toBeVisible();
    await expect(setup.getByText("Enter the site's name")).toBeVisible();
    await expect(setup.getByText("A certified site needs its authorized representative")).toBeVisible();
    await setup.getByLabel("First name").fill("Alex");
    await setup.getByLabel("Last name").fill("Rivera");
    await setup.getByLabel("Email").first().fill("alex.rivera@clinic.example");
    await setup.getByLabel("Password").fill(PASSWORD);
    await setup.getByLabel("Name", { exact: true }).fill("Hudson Valley Outpatient");
    await setup.getByLabel("Site code").fill("hud-01");
    await setup.getByLabel("Street address").fill("1 Main St");
    await setup.getByLabel("City").fill("Hudson");
    await setup.getByLabel("State").fill("NY");
    await setup.getByLabel("ZIP code").fill("12534");
    await setup.getByLabel("Certified on").fill("2025-01-10");
    await setup.getByLabel("Buy and bill").check();
    await setup.getByLabel("A pulse oximeter is available for every session (attested)").check();
    await setup.getByLabel("Representative's name").fill("Dr. Jordan Lee");
    await setup.getByLabel("Representative since").fill("2025-01-01");
    await setup.getByRole("button", { name: "Add a chair" }).click();
    await expect(setup.getByLabel("Chair 3 name")).toHaveValue("Chair 3");
    await setup.getByRole("button", { name: "Create administrator and site" }).click();
    await expect(page).toHaveURL(/\/sign-in\?setup=done/);
    await expect(page.getByText("The tracker is set up.")).toBeVisible();

    // Setup is gone for good: the page does not exist and the route refuses.
    expect((await page.request.get("/setup")).status()).toBe(404);
    const again = await page.request.post("/api/setup", { data: {} });
    expect(again.status()).toBe(409);

    await signIn(page, "alex.rivera@clinic.example");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Sites" }).click();
    await expect(page.getByRole("row", { name: /Hudson Valley Outpatient/ })).toContainText("HUD-01");
    await expect(page.getByRole("row", { name: /Hudson Valley Outpatient/ })).toContainText("Dr. Jordan Lee");

    // A second site, created and then deactivated: kept in the list as inactive, gone from the pickers.
    await page.getByRole("link", { name: "New site" }).click();
    const newSite = page.getByRole("form", { name: "New site" });
    await newSite.getByLabel("Name", { exact: true }).fill("Kingston Annex");
    await newSite.getByLabel("Site code").fill("KIN-01");
    await newSite.getByLabel("Certification status").selectOption("PENDING");
    await newSite.getByLabel("Street address").fill("9 Wall St");
    await newSite.getByLabel("City").fill("Kingston");
    await newSite.getByLabel("State").fill("NY");
    await newSite.getByLabel("ZIP code").fill("12401");
    await newSite.getByLabel("Chair 1 name").fill("Recliner A");
    await shots(page, "new-site");
    await newSite.getByRole("button", { name: "Create site" }).click();
    await expect(page.getByRole("heading", { name: "Kingston Annex" })).toBeVisible();
    await expect(page.getByText("Site created.")).toBeVisible();
    await page.getByRole("button", { name: "Deactivate site" }).click();
    await page.getByRole("button", { name: "Confirm deactivation" }).click();
    await expect(page.getByText(/Deactivated on .*: no new sessions/)).toBeVisible();
    await shots(page, "site-deactivated");
    await nav.getByRole("link", { name: "Sites" }).click();
    await expect(page.getByRole("row", { name: /Kingston Annex/ })).toContainText("Inactive");

    // Staff: a nurse and a psychiatrist of the first site.
    for (const [first, last, email, role] of [
      ["Nora", "Bishop", "nora.bishop@clinic.example", "Nurse"],
      ["Priya", "Shah", "priya.shah@clinic.example", "Psychiatrist"],
    ]) {
      await nav.getByRole("link", { name: "Users" }).click();
      await page.getByRole("link", { name: "New user" }).click();
      await expect(page.getByRole("checkbox", { name: "Kingston Annex" })).toHaveCount(0);
      await page.getByLabel("First name").fill(first);
      await page.getByLabel("Last name").fill(last);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Role").selectOption({ label: role });
      await page.getByLabel("Telephone").fill("845-555-0100"); // the monitoring nurse's number is on every PMF
      await page.getByRole("checkbox", { name: "Hudson Valley Outpatient" }).check();
      await page.getByRole("button", { name: "Create user" }).click();
      // No administrator sets a password: the new account's one-time code is shown once, and its owner
      // chooses a password with it (through the same route as the signed-out /reset-password page).
      const code = (await page.getByTestId("one-time-code").textContent())!.trim();
      await page.getByRole("link", { name: "Done: I have given the code" }).click();
      await expect(page).not.toHaveURL(/\/new$/);
      const set = await page.request.post("/api/password/reset", { data: { email, code, password: PASSWORD, confirm: PASSWORD } });
      expect(set.status()).toBe(200);
    }

    // A lot of devices.
    await nav.getByRole("link", { name: "Inventory" }).click();
    await page.getByRole("link", { name: "Receive a lot" }).click();
    const lot = page.getByRole("form", { name: "Receive a lot" });
    await lot.getByLabel("Kit (NDC)").selectOption("50458-028-03");
    await lot.getByLabel("Lot number").fill("GL2026");
    await lot.getByLabel("Expiry date").fill("2029-06-30");
    await lot.getByLabel("Number of devices").fill("6");
    await lot.getByLabel("Supplier").fill("Cardinal Specialty Distribution");
    await lot.getByRole("button", { name: "Receive lot" }).click();
    await expect(page.getByText("Lot GL2026 received: 6 devices on hand.")).toBeVisible();

    // The REMS parameters written at first run are in force; a set dated today is refused at the field.
    await nav.getByRole("link", { name: "REMS parameters" }).click();
    await expect(page.getByRole("table", { name: "The set in force" })).toContainText("2019-03-05");
    const rems = page.getByRole("form", { name: "New parameter set" });
    await rems.getByLabel("Effective on").fill(today());
    await rems.getByRole("button", { name: "Add parameter set" }).click();
    await expect(rems.getByText(/A new set takes effect on a future day/)).toBeVisible();
    await shots(page, "rems");
    await signOut(page);

    // The nurse registers the clinic's first patient and checks her in.
    await signIn(page, "nora.bishop@clinic.example");
    await page.goto("/patients/new");
    await expect(page.getByLabel("Site").getByRole("option", { name: "Kingston Annex" })).toHaveCount(0);
    await page.getByLabel("Medical record number (MRN)").fill("HV-0001");
    await page.getByLabel("First name").fill("Dana");
    await page.getByLabel("Last name").fill("First");
    await page.getByLabel("Date of birth").fill("1984-02-29");
    await page.getByLabel("Sex").selectOption("FEMALE");
    await page.getByLabel("Indication").selectOption("TRD");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("heading", { name: /First, Dana/ })).toBeVisible();
    const gate = page.getByTestId("dosing-gate");
    await expect(gate).toContainText("Dosing is blocked");

    // R6 and R7 on the patient page, before check-in: the Patient Enrollment Form signed by Dana and Dr. Shah,
    // faxed and confirmed; counselling on every REMS topic. The gate opens.
    const enrollmentSection = page.getByRole("region", { name: "REMS enrollment" });
    await enrollmentSection.getByRole("button", { name: "Record enrollment" }).click();
    const enrollment = enrollmentSection.getByRole("form", { name: "Record the enrollment" });
    await expect(enrollment.getByLabel("Prescriber", { exact: true })).toHaveValue(/.+/); // the site's only psychiatrist, chosen already
    await enrollment.getByLabel("Patient signed on").fill(day(-2));
    await enrollment.getByLabel("Prescriber signed on").fill(day(-2));
    await enrollment.getByLabel("Submitted to the REMS on").fill(day(-1));
    await enrollment.getByLabel("Submitted by").selectOption("FAX");
    await enrollment.getByLabel("REMS confirmation number").fill("ENR-GO-LIVE-1");
    await enrollment.getByRole("button", { name: "Save enrollment" }).click();
    await expect(enrollmentSection.getByText("Enrolled", { exact: true })).toBeVisible();
    const counselling = page.getByRole("region", { name: "Counselling" });
    await counselling.getByRole("button", { name: "Record counselling" }).click();
    const counsel = counselling.getByRole("form", { name: "Record counselling" });
    for (const box of await counsel.getByRole("checkbox").all()) await box.check();
    await counsel.getByRole("button", { name: "Save counselling" }).click();
    await expect(counselling.getByText("Counselled on every REMS topic")).toBeVisible();
    await expect(gate).toContainText("the patient may be dosed");
    await shots(page, "patient-ready");

    // The medication list (R10, R16): the antidepressant she takes; today's checklist pre-fills from it.
    const meds = page.getByRole("region", { name: "Medication list" });
    const addMed = meds.getByRole("form", { name: "Add a medication" });
    await addMed.getByLabel("Medicine").fill("Sertraline");
    await addMed.getByLabel("Class").selectOption({ label: "Oral antidepressant" });
    await addMed.getByLabel("Dose").fill("100 mg daily");
    await addMed.getByRole("button", { name: "Add medication" }).click();
    await expect(meds.getByRole("row").filter({ hasText: "Sertraline" })).toContainText("Oral antidepressant");

    await page.getByRole("link", { name: "Check in for a session" }).click();
    await page.getByLabel("Chair").selectOption({ label: "Chair 1" });
    await page.getByLabel("Prescriber on site").selectOption({ label: "Priya Shah" });
    await page.getByRole("button", { name: "Check in" }).click();
    await expect(page).toHaveURL(/\/sessions\/[a-z0-9]+$/);
    await expect(page.getByRole("heading", { name: /Dana First/ })).toBeVisible();

    const checklist = page.getByRole("form", { name: "Pre-dose checklist" });
    await expect(checklist.getByText(/On the medication list today: Sertraline/)).toBeVisible();
    await checklist.getByLabel("Ride home").selectOption("RIDESHARE");
    await checklist.getByLabel("Last food").fill(await localAgo(page, 400));
    await checklist.getByLabel("Last liquid").fill(await localAgo(page, 300));
    for (const label of ["Benzodiazepines", "Other sedative hypnotics", "Psychostimulants", "MAO inhibitors", "Opioids"])
      await checklist.getByLabel(label).selectOption("false");
    await checklist.getByLabel("Pregnancy").selectOption("NOT_PREGNANT");
    await checklist.getByLabel("Medication answers confirmed with the patient today").check();
    await checklist.getByRole("button", { name: "Save checklist" }).click();
    await expect(page.getByText("Pre-dose checklist ✓ done")).toBeVisible();
    await shots(page, "session");

    // The REMS gate is open: the pre-dose reading, the dose and the first device, all at the time of entry
    // (nothing before check-in, R49), are accepted.
    const preDose = page.getByRole("form", { name: "Pre-dose vital signs" });
    await preDose.getByLabel("Systolic (mmHg)").fill("128");
    await preDose.getByLabel("Diastolic (mmHg)").fill("80");
    await preDose.getByLabel("Heart rate (/min)").fill("72");
    await preDose.getByLabel("SpO₂ (%)").fill("98");
    await preDose.getByRole("button", { name: "Record vital signs" }).click();
    await page.getByRole("combobox", { name: "Dose" }).selectOption("56");
    await page.getByRole("button", { name: "Set dose" }).click();
    await page.getByLabel("Device 1").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Record device 1", exact: true }).click();
    await expect(page.getByText("Device 1 given")).toBeVisible();
    await expect(page.getByText("not enrolled in the SPRAVATO REMS")).toHaveCount(0);
    const audit = await sql<{ action: string }>(`SELECT action FROM "AuditEvent" ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "setup.first_admin",
        "rems.parameters_create",
        "site.create",
        "site.deactivate",
        "user.create",
        "patient.enrollment",
        "patient.counselling",
        "medication.add",
        "session.check_in",
      ]),
    );
  });

  test("the administrator schedules and withdraws a REMS set and imports patients; a psychiatrist records a transfer", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "alex.rivera@clinic.example");
    const nav = page.getByRole("navigation", { name: "Main" });

    // A REMS modification from tomorrow: scheduled, then withdrawn before it takes effect.
    await nav.getByRole("link", { name: "REMS parameters" }).click();
    const rems = page.getByRole("form", { name: "New parameter set" });
    const tomorrow = await rems.getByLabel("Effective on").inputValue();
    await rems.getByLabel("PMF form version").fill("rems-2027");
    await rems.getByLabel("Minimum observation (minutes)").fill("150");
    await rems.getByRole("button", { name: "Add parameter set" }).click();
    await expect(rems.getByText(`The new set takes effect on ${tomorrow}.`)).toBeVisible();
    const scheduled = page.getByRole("table", { name: "Sets taking effect later" });
    await expect(scheduled).toContainText("rems-2027");
    await shots(page, "rems-scheduled");
    await scheduled.getByRole("button", { name: `Withdraw the set of ${tomorrow}` }).click();
    await scheduled.getByRole("button", { name: "Cancel" }).click();
    await expect(scheduled).toContainText("rems-2027");
    await scheduled.getByRole("button", { name: `Withdraw the set of ${tomorrow}` }).click();
    await scheduled.getByRole("button", { name: "Confirm withdrawal" }).click();
    await expect(page.getByRole("table", { name: "Sets taking effect later" })).toHaveCount(0);

    // Patients from the clinic's spreadsheet: the check lists each problem; the import is all or nothing.
    await nav.getByRole("link", { name: "Import patients" }).click();
    const header =
      "MRN,First name,Last name,Date of birth,Sex,Indication,Enrollment patient signed,Enrollment prescriber signed,Enrollment submitted,Enrollment channel,Enrollment confirmation,Prescriber email";
    const good = [
      "HV-0100,Ann,Lee,1980-01-02,female,TRD,,,,,,",
      "HV-0101,Bo,Chu,1975-05-05,MALE,MDSI,2026-01-02,2026-01-02,2026-01-03,ONLINE,R-77,priya.shah@clinic.example",
    ];
    const file = (rows: string[]) => ({ name: "patients.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...rows].join("\n")) });
    await page.getByLabel("CSV file").setInputFiles(file([...good, "HV-0001,Dup,Mrn,1980-01-01,MALE,TRD,,,,,,", "HV-0102,Cy,Do,2015-01-01,MALE,TRD,,,,,,"]));
    await page.getByRole("button", { name: "Check the file" }).click();
    const report = page.getByRole("region", { name: "Check of the file" });
    await expect(report).toContainText("4 rows: 2 ready to import, 2 problems");
    await expect(report.getByRole("row", { name: /4 mrn A patient with this MRN already exists at this site/ })).toBeVisible();
    await expect(report.getByRole("row", { name: /5 birthDate SPRAVATO is for adults/ })).toBeVisible();
    await expect(report.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await shots(page, "import-errors");
    await page.getByLabel("CSV file").setInputFiles(file(good));
    await page.getByRole("button", { name: "Check the file" }).click();
    await report.getByRole("button", { name: "Import 2 patients" }).click();
    await expect(page.getByText("Imported 2 patients and 1 REMS enrollment.")).toBeVisible();
    await shots(page, "import-done");
    expect(await sql(`SELECT 1 FROM "Patient" WHERE mrn IN ('HV-0100', 'HV-0101')`)).toHaveLength(2);
    expect(await sql(`SELECT 1 FROM "AuditEvent" WHERE action = 'patient.import'`)).toHaveLength(1);
    // The route itself: too large a file is 413, a nurse is 403.
    const siteId = (await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'HUD-01'`))[0].id;
    const big = await page.request.post(`/api/admin/patients/import?siteId=${siteId}&mode=preview`, {
      headers: { "content-type": "text/csv" },
      data: Buffer.alloc(5 * 1024 * 1024 + 10, 65),
    });
    expect(big.status()).toBe(413);
    expect((await page.request.post(`/api/admin/patients/import?siteId=${siteId}&mode=preview`, { data: { rows: [] } })).status()).toBe(415);
    await signOut(page);

    // R42: the psychiatrist records that Ann's treatment moves to another certified setting, the REMS notice later.
    await signIn(page, "priya.shah@clinic.example");
    const annId = (await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'HV-0100'`))[0].id;
    await page.goto(`/patients/${annId}`);
    const transfer = page.getByRole("form", { name: "Record a transfer" });
    await transfer.getByRole("button", { name: "Record transfer" }).click();
    await expect(transfer.getByText("Enter the certified setting the treatment moves to")).toBeVisible();
    await transfer.getByLabel("Certified setting taking over").fill("Albany Behavioral Health");
    await transfer.getByLabel("Transfer date").fill("2030-01-15");
    await transfer.getByRole("button", { name: "Record transfer" }).click();
    const transfers = page.getByRole("region", { name: "Treatment transfers" });
    await expect(transfers).toContainText("Albany Behavioral Health from 2030-01-15. REMS not notified yet.");
    await transfers.getByRole("form", { name: "REMS notice" }).getByLabel("REMS notified on").fill(today());
    await transfers.getByRole("button", { name: "Save notice date" }).click();
    await expect(transfers).toContainText(`REMS notified before the transfer (${today()})`);
    await shots(page, "transfer");
    await signOut(page);
    await signIn(page, "nora.bishop@clinic.example");
    const refused = await page.request.post(`/api/patients/${annId}/transfers`, { data: { toSettingName: "Elsewhere", transferDate: today() } });
    expect(refused.status()).toBe(403);
    expect(
      (await page.request.post(`/api/admin/patients/import?siteId=${siteId}&mode=preview`, { headers: { "content-type": "text/csv" }, data: header })).status(),
    ).toBe(403);
  });

  // The two hours of observation, in minutes: a running server's clock cannot be moved, so the test makes time
  // pass for this session by moving every clinical time it holds (check-in, devices, readings, checklist) back by
  // the same amount, exactly as if the nurse had waited. Every entry is then made through the screens at "now",
  // so R49 applies unchanged (nothing before check-in, nothing in the future, nothing late).
  async function timePasses(sessionId: string, minutes: number) {
    const by = `make_interval(mins => ${Number(minutes)})`;
    await sql(`UPDATE "TreatmentSession" SET "checkedInAt" = "checkedInAt" - ${by} WHERE id = $1`, [sessionId]);
    await sql(`UPDATE "DeviceAdministration" SET "administeredAt" = "administeredAt" - ${by}, "recordedAt" = "recordedAt" - ${by} WHERE "sessionId" = $1`, [
      sessionId,
    ]);
    for (const table of ["ObservationVital", "SedationAssessment", "DissociationAssessment"])
      await sql(`UPDATE "${table}" SET "takenAt" = "takenAt" - ${by}, "recordedAt" = "recordedAt" - ${by} WHERE "sessionId" = $1`, [sessionId]);
    await sql(`UPDATE "PreDoseChecklist" SET "lastFoodAt" = "lastFoodAt" - ${by}, "lastLiquidAt" = "lastLiquidAt" - ${by} WHERE "sessionId" = $1`, [sessionId]);
  }

  test("device 2 → the 40-minute BP → two hours of observation → discharge → PMF ready → marked submitted", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "nora.bishop@clinic.example");
    const sessionId = (await sql<{ id: string }>(`SELECT s.id FROM "TreatmentSession" s JOIN "Patient" p ON p.id = s."patientId" WHERE p.mrn = 'HV-0001'`))[0]
      .id;
    await timePasses(sessionId, 5); // devices 5 minutes apart (R19)
    await page.goto(`/sessions/${sessionId}`);
    await page.getByLabel("Device 2").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Record device 2", exact: true }).click();
    await expect(page.getByText("Device 2 given")).toBeVisible();
    const obs = page.getByRole("region", { name: "Observation" });
    const vitals = obs.getByRole("form", { name: "Vital signs" });
    const reading = async (sys: string, dia: string, forty = false) => {
      await vitals.getByLabel("Systolic (mmHg)").fill(sys);
      await vitals.getByLabel("Diastolic (mmHg)").fill(dia);
      await vitals.getByLabel("SpO₂ (%)").fill("98");
      if (forty) await vitals.getByLabel(/This is the 40-minute blood pressure/).check();
      await vitals.getByRole("button", { name: "Record vital signs" }).click();
      await expect(vitals.getByText("Vital signs recorded.")).toBeVisible();
    };
    // Discharge is refused before two hours: the screen lists it, and the server says so.
    const early = await page.request.post(`/api/sessions/${sessionId}/discharge`, {
      data: { rideConfirmed: true, clinicallyStable: true, noDrivingReminder: true },
    });
    expect(early.status()).toBe(422);

    await timePasses(sessionId, 35);
    await page.reload();
    await reading("146", "88", true);
    await timePasses(sessionId, 82);
    await page.reload();
    await reading("130", "82");
    const sedation = obs.getByRole("form", { name: "Sedation (MOAA/S)" });
    await sedation.getByLabel(/^5 —/).check();
    await sedation.getByRole("button", { name: "Record MOAA/S" }).click();
    await expect(sedation.getByText(/recorded/i)).toBeVisible();
    const dissociation = obs.getByRole("form", { name: "Dissociation" });
    await dissociation.getByLabel("Dissociation", { exact: true }).selectOption("false");
    await dissociation.getByRole("button", { name: "Record dissociation" }).click();
    await expect(dissociation.getByText(/recorded/i)).toBeVisible();
    await page.reload();
    const form = page.getByRole("form", { name: "Discharge" });
    await form.getByLabel("Ride home is here, or the escort is arranged").check();
    await form.getByLabel("I judge the patient clinically stable and ready to leave").check();
    await form.getByLabel("Reminded: no driving until the next day after a restful sleep").check();
    await form.getByLabel("Vital signs acceptable before administration?").selectOption("true");
    await form.getByLabel("Vital signs acceptable before completion?").selectOption("true");
    await form.getByLabel(/Ready to leave without the 2-hour minimum/).fill("100");
    await form.getByRole("button", { name: "Discharge" }).click();
    await form.getByRole("button", { name: "Confirm discharge" }).click();
    await expect(page.getByText("This session is discharged.")).toBeVisible();
    await signOut(page);

    await signIn(page, "alex.rivera@clinic.example");
    await page.goto("/reports");
    const forms = page.getByRole("region", { name: "Patient Monitoring Forms" });
    expect((await sql<{ status: string }>(`SELECT status FROM "PatientMonitoringForm" WHERE "sessionId" = $1`, [sessionId]))[0].status).toBe("READY");
    await forms.getByRole("button", { name: "Mark submitted: First, Dana" }).click();
    const submission = forms.getByRole("form", { name: "Submission of First, Dana" });
    await submission.getByLabel("Channel").selectOption("ONLINE");
    await submission.getByLabel("Confirmation or fax receipt").fill("REMS-GO-LIVE-1");
    await submission.getByRole("button", { name: "Save submission" }).click();
    await expect(forms.getByRole("row", { name: /First, Dana/ })).toContainText("REMS-GO-LIVE-1");
    expect((await sql<{ status: string }>(`SELECT status FROM "PatientMonitoringForm" WHERE "sessionId" = $1`, [sessionId]))[0].status).toBe("SUBMITTED");
  });
});
