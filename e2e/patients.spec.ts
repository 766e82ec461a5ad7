import { expect, test } from "./helpers/test";
import { signIn } from "./helpers/auth";
import { sql } from "./helpers/db";

test.describe("patient list and patient page", () => {
  test("a nurse searches, pages and opens a patient with her enrollment and history", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, "nurse@example.com");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
    await expect(page.getByText("Showing 1–20 of 25")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages of Patients" }).locator('[aria-current="page"]')).toHaveText("1");
    await page.screenshot({ path: "test-results/screens/patients-list.png", fullPage: true });
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page.getByText("Showing 21–25 of 25")).toBeVisible();
    await expect(page.getByRole("row")).toHaveCount(6);
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByRole("navigation", { name: "Pages of Patients" }).locator('[aria-current="page"]')).toHaveText("1");

    for (const q of ["rivera", "Casey Riv", "A-1003"]) {
      await page.getByLabel("Search by name or MRN").fill(q);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
      await expect(page.getByRole("link", { name: "Rivera, Casey" })).toBeVisible();
    }
    await page.getByRole("link", { name: "Rivera, Casey" }).click();
    await expect(page.getByRole("heading", { name: "Rivera, Casey R." })).toBeVisible();
    const rems = page.getByRole("region", { name: "REMS enrollment" });
    await expect(rems.getByText("Enrolled", { exact: true })).toBeVisible();
    await expect(rems.getByText("(online)")).toBeVisible();
    const history = page.getByRole("region", { name: "Session history" });
    await expect(history.getByRole("row")).toHaveCount(9); // header + 8 discharged sessions
    await expect(history.getByRole("row").nth(1)).toContainText("84 mg");
    await expect(history.getByText("Discharged").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/patient-page.png", fullPage: true });
  });

  test("a search with no match says so, and a bad page number falls back safely", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    await page.goto("/patients?q=zzzz-nobody");
    await expect(page.getByText("No patients match.")).toBeVisible();
    const res = await page.goto("/patients?page=-3&q=%25%25");
    expect(res?.status()).toBe(200);
  });

  test("the not-enrolled banner, contraindications and cautions show on the patient page", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    const open = async (q: string, name: string) => {
      await page.goto(`/patients?q=${encodeURIComponent(q)}`);
      await page.getByRole("link", { name }).click();
    };
    await open("Quinn", "Quinn, Avery");
    await expect(page.getByRole("alert").filter({ hasText: "Dosing is blocked: the Patient Enrollment Form is not complete" })).toBeVisible();
    await open("Ellis", "Ellis, Harper");
    await expect(page.getByText("Contraindication: arteriovenous malformation")).toBeVisible();
    await expect(page.getByText("blocks dosing")).toBeVisible();
    await open("Okafor", "Okafor, Dana");
    await expect(page.getByText("Caution: bipolar disorder without a mood stabilizer")).toBeVisible();
  });

  test("a patient of another site is not found, and nothing of them is sent", async ({ page }) => {
    const [kai] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'B-2001'`);
    await signIn(page, "nurse@example.com");
    const res = await page.request.get(`/patients/${kai.id}`);
    expect(res.status()).toBe(404);
    const body = await res.text();
    expect(body).not.toContain("Kai");
    expect(body).not.toContain("Bennett");
    await page.goto(`/patients/${kai.id}`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    // The psychiatrist works at both sites and sees him.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${kai.id}`);
    await expect(page.getByRole("heading", { name: "Bennett, Kai" })).toBeVisible();
    await expect(page.getByText("Not required (inpatient)")).toBeVisible();
  });

  test("an administrator is refused the patient list", async ({ page }) => {
    await signIn(page, "admin@example.com");
    const res = await page.goto("/patients");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});

test.describe("registering a patient", () => {
  test("bad input gets messages at the fields and a 422; a duplicate MRN a message at the MRN", async ({ page }) => {
    await signIn(page, "nurse@example.com");
    await page.goto("/patients");
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByText("Enter the medical record number")).toBeVisible();
    await expect(page.getByText("Enter the first name")).toBeVisible();
    await expect(page.getByText("Choose the indication")).toBeVisible();
    await page.getByLabel("Date of birth").fill("2015-01-01");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByText("SPRAVATO is for adults")).toBeVisible();

    const [site] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'OUT-A'`);
    const bad = await page.request.post("/api/patients", {
      data: { siteId: site.id, mrn: "x y", firstName: "", lastName: "L", birthDate: "2015-01-01", sex: "X", indication: "TRD" },
    });
    expect(bad.status()).toBe(422);
    const json = await bad.json();
    expect(Object.keys(json.fieldErrors)).toEqual(expect.arrayContaining(["mrn", "firstName", "sex", "birthDate"]));

    await page.getByLabel("Medical record number (MRN)").fill("A-1003");
    await page.getByLabel("First name").fill("Morgan");
    await page.getByLabel("Last name").fill("Tester");
    await page.getByLabel("Date of birth").fill("1980-05-05");
    await page.getByLabel("Sex").selectOption("FEMALE");
    await page.getByLabel("Indication").selectOption("TRD");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByText("This medical record number is already in use at this site")).toBeVisible();

    await page.getByLabel("Medical record number (MRN)").fill("A-2001");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("heading", { name: "Tester, Morgan" })).toBeVisible();
    await expect(page.getByText("No sessions yet.")).toBeVisible();
  });

  test("a nurse cannot register a patient at a site she does not work at", async ({ page }) => {
    const [siteB] = await sql<{ id: string }>(`SELECT id FROM "Site" WHERE code = 'IN-B'`);
    await signIn(page, "nurse@example.com");
    const res = await page.request.post("/api/patients", {
      data: { siteId: siteB.id, mrn: "B-9999", firstName: "No", lastName: "Way", birthDate: "1980-01-01", sex: "MALE", indication: "TRD" },
    });
    expect(res.status()).toBe(404);
    expect((await sql(`SELECT 1 FROM "Patient" WHERE mrn = 'B-9999'`)).length).toBe(0);
  });
});

test.describe("contraindication and caution flags (R8, R47)", () => {
  test("a psychiatrist removes a contraindication only with a reason; a nurse is refused", async ({ page, browser }) => {
    const [harper] = await sql<{ id: string }>(`SELECT id FROM "Patient" WHERE mrn = 'A-1008'`);
    const [flag] = await sql<{ id: string }>(`SELECT id FROM "ClinicalFlag" WHERE "patientId" = $1 AND "removedAt" IS NULL`, [harper.id]);
    const nurseContext = await browser.newContext();
    const nurse = await nurseContext.newPage();
    await signIn(nurse, "nurse@example.com");
    await nurse.goto(`/patients/${harper.id}`);
    await expect(nurse.getByRole("button", { name: /^Remove:/ })).toHaveCount(0);
    expect((await nurse.request.post(`/api/patients/${harper.id}/flags/${flag.id}/remove`, { data: { reason: "I am a nurse" } })).status()).toBe(403);
    await nurseContext.close();

    await signIn(page, "psych@example.com");
    await page.goto(`/patients/${harper.id}`);
    await page.getByRole("button", { name: "Remove: arteriovenous malformation" }).click();
    await page.getByRole("button", { name: "Confirm removal" }).click();
    await expect(page.getByText("Give the clinical reason")).toBeVisible();
    await page.getByLabel("Clinical reason for removing it").fill("AVM excised in 2025; neurosurgery clearance on file");
    await page.getByRole("button", { name: "Confirm removal" }).click();
    await expect(page.getByText("Contraindication: arteriovenous malformation")).toHaveCount(0);
    await page.getByLabel("Record a contraindication or caution").selectOption("SUBSTANCE_USE_DISORDER");
    await page.getByLabel("Note").fill("Alcohol use disorder, in remission 2 years");
    await page.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Caution: substance use disorder")).toBeVisible();
    const [removed] = await sql<{ removedReason: string }>(`SELECT "removedReason" FROM "ClinicalFlag" WHERE id = $1`, [flag.id]);
    expect(removed.removedReason).toBe("AVM excised in 2025; neurosurgery clearance on file");
  });
});
