import "server-only";
import PDFDocument from "pdfkit";
import { displayValue, PMF_SECTIONS } from "./field-keys";
import { pmfStatusLine } from "./links";

export type PrintablePmf = {
  sessionId: string;
  timeZone: string;
  formVersion: string;
  status: string;
  dueDate: string;
  submittedAt: Date | null;
  channel: string | null;
  confirmation: string | null;
  fields: Record<string, unknown>;
  /** Amendment links in words (lib/pmf/links.ts): "amends …" / "amended by …". */
  links?: string[];
};

/** One form on one US-letter page, black on white, large enough to survive a fax. */
export function drawPmf(doc: PDFKit.PDFDocument, f: PrintablePmf) {
  doc.font("Helvetica-Bold").fontSize(15).text("SPRAVATO® REMS — Patient Monitoring Form", { align: "left" });
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("black")
    .text(`${pmfStatusLine(f, f.timeZone)} · session ${f.sessionId}`);
  for (const note of f.links ?? []) doc.moveDown(0.2).font("Helvetica-Bold").fontSize(10).text(note);
  doc.moveDown(0.5);
  for (const section of PMF_SECTIONS) {
    doc.font("Helvetica-Bold").fontSize(11).text(section.title);
    doc
      .moveTo(doc.page.margins.left, doc.y)
      .lineTo(doc.page.width - doc.page.margins.right, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.2);
    for (const [key, label] of section.fields) {
      const y = doc.y;
      doc.font("Helvetica").fontSize(9.5).text(label, doc.page.margins.left, y, { width: 300 });
      doc
        .font("Helvetica-Bold")
        .text(displayValue(f.fields[key]), doc.page.margins.left + 310, y, { width: doc.page.width - doc.page.margins.right - doc.page.margins.left - 310 });
      doc.x = doc.page.margins.left;
    }
    doc.moveDown(0.4);
  }
  doc
    .font("Helvetica")
    .fontSize(8)
    .text("Submit within 7 days of treatment at SPRAVATOrems.com or by fax to 1-877-778-0091. Values are derived from the session record.", { align: "left" });
}

/**
 * A PDF of one or many forms (a page each), produced as the forms arrive and as fast as the reader takes it:
 * never all in memory, whatever the number of forms or the speed of the download.
 */
export function pmfPdfStream(forms: AsyncIterable<PrintablePmf>): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: 40, bottom: 36, left: 48, right: 48 },
    info: { Title: "Patient Monitoring Forms", Creator: "Esketamine Session Tracker" },
  });
  let wanted: (() => void) | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        doc.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
        doc.on("end", () => controller.close());
        doc.on("error", (e: unknown) => controller.error(e));
        (async () => {
          let first = true;
          for await (const f of forms) {
            if (!first) {
              const written = doc.page;
              doc.addPage(); // writes the previous page out
              forgetWrittenPage(written);
            }
            first = false;
            drawPmf(doc, f);
            // PDFKit hands its output over on a later tick: let it, then pause while the download is behind
            // (backpressure), instead of queueing the whole PDF for a slow reader.
            await new Promise((resolve) => setImmediate(resolve));
            while ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wanted = resolve));
          }
          if (first) doc.font("Helvetica").fontSize(12).text("No Patient Monitoring Forms match this selection.");
          doc.end();
        })().catch((e) => controller.error(e));
      },
      pull() {
        wanted?.();
        wanted = null;
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 1 << 20 }),
  );
}

/**
 * PDFKit keeps every page's dictionary (and through it the page's content and resources) until the end, for
 * the page tree; the tree needs only each page's object number. Once a page is written its data can go, so a
 * 100 000-page export holds one page at a time, not all of them.
 */
function forgetWrittenPage(page: PDFKit.PDFPage) {
  (page as unknown as { dictionary: { data: object } }).dictionary.data = {};
}
