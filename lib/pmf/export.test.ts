import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db/client";
import { clinicFixture } from "@/lib/sessions/testing/db-fixture";
import { PDFParse } from "pdf-parse";
import { PMF_CSV_HEADER, pmfCsvStream, pmfForms } from "./export";
import { pmfPdfStream, type PrintablePmf } from "./pdf";
import { pmfFieldsCsv } from "./fields-csv";

async function seedForms(n: number, lastName: (i: number) => string) {
  const c = await clinicFixture();
  for (let i = 0; i < n; i++) {
    const s = await db().treatmentSession.create({
      data: {
        patientId: c.patient.id,
        siteId: c.site.id,
        status: "DISCHARGED",
        treatmentDate: new Date(`2026-03-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`),
      },
    });
    await db().patientMonitoringForm.create({
      data: {
        sessionId: s.id,
        siteId: s.siteId,
        formVersion: "current-2024",
        status: "DRAFT",
        dueDate: new Date("2026-03-20"),
        fields: {
          "patient.firstName": "Pat",
          "patient.lastName": lastName(i),
          totalMonitoringMinutes: 120 + i,
          "bp.post40min": "146/88",
          protocolDeviations: [],
        },
      },
    });
  }
  return c;
}

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("PMF CSV export", () => {
  it("has one row per form and one column per field, across several pages", async () => {
    const c = await seedForms(7, (i) => `Name${i}`);
    const text = await read(pmfCsvStream({ siteId: c.site.id, from: "2026-03-01", to: "2026-03-31" }, 3));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(PMF_CSV_HEADER);
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => Number(r.totalMonitoringMinutes)).sort((a, b) => a - b)).toEqual([120, 121, 122, 123, 124, 125, 126]);
  });

  it("neutralises a formula in a patient's name", async () => {
    const c = await seedForms(1, () => '=HYPERLINK("http://evil.example","click")');
    const rows = parse(await read(pmfCsvStream({ siteId: c.site.id, from: "2026-03-01", to: "2026-03-31" })), { columns: true }) as Record<string, string>[];
    expect(rows[0]["patient.lastName"]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it("writes the field cells stored with a form, deriving them only for a form stored without: the same text either way", async () => {
    const c = await seedForms(4, (i) => `Stored${i}, "quoted"`);
    const filter = { siteId: c.site.id, from: "2026-03-01", to: "2026-03-31" };
    const derived = await read(pmfCsvStream(filter, 3));
    const forms = await db().patientMonitoringForm.findMany({ where: { session: { siteId: c.site.id } }, orderBy: { id: "asc" } });
    for (const f of forms.slice(0, 2)) await db().patientMonitoringForm.update({ where: { id: f.id }, data: { fieldsCsv: pmfFieldsCsv(f.fields) } });
    expect(await read(pmfCsvStream(filter, 3))).toBe(derived);
    // The stored cells are what the export writes (not the JSON read again).
    await db().patientMonitoringForm.update({
      where: { id: forms[0].id },
      data: { fieldsCsv: pmfFieldsCsv({ ...(forms[0].fields as object), "patient.lastName": "FromStoredCells" }) },
    });
    const rows = parse(await read(pmfCsvStream(filter, 3)), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r["patient.lastName"])).toContain("FromStoredCells");
    expect(rows.filter((r) => r["patient.lastName"].startsWith("Stored"))).toHaveLength(3);
    expect(rows[1]["patient.lastName"]).toMatch(/^Stored\d, "quoted"$/);
  });

  it("keeps to the site and the date range", async () => {
    const c = await seedForms(3, () => "Inside");
    await seedForms(2, () => "OtherSite");
    const rows = parse(await read(pmfCsvStream({ siteId: c.site.id, from: "2026-03-02", to: "2026-03-03" })), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r["patient.lastName"])).toEqual(["Inside", "Inside"]);
  });
});

describe("PMF PDF", () => {
  it("puts each form on its own page with its values, readable as text", async () => {
    const c = await seedForms(3, (i) => `Okafor${i}`);
    const bytes = new Uint8Array(await new Response(pmfPdfStream(pmfForms({ siteId: c.site.id, from: "2026-03-01", to: "2026-03-31" }, 2))).arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const parser = new PDFParse({ data: bytes });
    const text = await parser.getText();
    await parser.destroy();
    expect(text.pages).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(text.text).toContain(`Okafor${i}`);
    expect(text.pages[0].text).toContain("Patient Monitoring Form");
    expect(text.pages[0].text).toContain("BP 40 minutes after administration");
    expect(text.pages[0].text).toContain("146/88");
  });

  it("draws only as fast as the download reads (a slow reader does not queue the whole PDF), and every page is still in the file", async () => {
    const c = await seedForms(1, () => "Slowreader");
    let form: PrintablePmf | undefined;
    for await (const f of pmfForms({ siteId: c.site.id, from: "2026-03-01", to: "2026-03-31" })) form = f;
    const total = 1500; // about 3 MB of pages, three times the stream's 1 MB buffer
    let drawn = 0;
    async function* many() {
      for (let i = 0; i < total; i++, drawn++) yield form!;
    }
    const reader = pmfPdfStream(many()).getReader();
    const chunks: Uint8Array[] = [(await reader.read()).value!];
    await new Promise((r) => setTimeout(r, 1500)); // the reader pauses; the drawing must pause with it
    const drawnWhilePaused = drawn;
    expect(drawnWhilePaused).toBeLessThan(total);
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(drawn).toBe(total);
    const parser = new PDFParse({ data: new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()) });
    const info = await parser.getInfo();
    await parser.destroy();
    expect(info.total).toBe(total);
  }, 60_000);
});
