import "server-only";
import PDFDocument from "pdfkit";
import { drawPmf } from "@/lib/pmf/pdf";
import type { AuditPacket } from "./data";

/** The packet as one printable PDF: the record, the PMFs, the signature check, the audit rows and the chain; its hash ties it to the JSON. */
export function auditPacketPdf(p: AuditPacket): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: 40, bottom: 36, left: 48, right: 48 },
    info: { Title: `Audit packet — session ${p.session.id}`, Creator: "Esketamine Session Tracker" },
  });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      doc.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      doc.on("end", () => controller.close());
      doc.on("error", (e: unknown) => controller.error(e));
      const h = (t: string) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).text(t).font("Helvetica").fontSize(9.5);
      doc.font("Helvetica-Bold").fontSize(16).text("Audit packet — SPRAVATO® session");
      doc
        .font("Helvetica")
        .fontSize(9.5)
        .text(
          `${p.session.patient.name} (MRN ${p.session.patient.mrn}) · ${p.session.site} · treatment date ${p.session.treatmentDate ?? "—"} · status ${p.session.status.toLowerCase()} · session ${p.session.id}`,
        )
        .text(
          `Generated ${p.generatedAt} by ${p.generatedBy}. Packet hash ${p.packetHash} (the JSON twin checks itself: node scripts/verify-packet.mjs packet.json).`,
        );
      h("Session record");
      for (const s of p.record) {
        doc.font("Helvetica-Bold").text(s.title).font("Helvetica");
        if (!s.lines.length) doc.text(s.empty);
        for (const l of s.lines) doc.text(`${l.label}: ${l.value}${l.struck ? " (entered in error)" : ""}`);
      }
      h("Signature");
      if (p.signature)
        doc
          .text(`${p.signature.printedName} · ${p.signature.meaning.toLowerCase().replaceAll("_", " ")} · ${p.signature.signedAt}`)
          .text(
            `Content hash at signing ${p.signature.contentHash}: ${p.signature.state === "valid" ? "matches the record now (signature valid)" : "DOES NOT match the record now (changed since signing)"}.`,
          );
      else doc.text("Not signed.");
      for (const a of p.amendments) doc.text(`Amendment ${a.amendedAt} by ${a.author} (${a.entryKind}): ${a.correction} — reason: ${a.reason}`);
      h("Audit trail of this session");
      doc.text(`Chain ${p.audit.chainKey}. ${p.chain.summary}`);
      if (p.chain.anchor)
        doc.text(
          `Anchor ${p.chain.anchor.id}: row ${p.chain.anchor.auditId}, hash ${p.chain.anchor.hash}, ${p.chain.anchor.anchoredAt}, key ${p.chain.anchor.keyId}, HMAC ${p.chain.anchor.signature}.`,
        );
      doc.moveDown(0.3).fontSize(8);
      for (const r of p.audit.rows)
        doc.text(
          `#${r.id} ${r.at} ${r.actorEmail ?? "system"} ${r.action} ${r.entityType} ${r.entityId ?? ""}${r.reason ? ` — ${r.reason}` : ""} · hash ${r.hash.slice(0, 16)}…`,
        );
      for (const f of p.monitoringForms) {
        doc.addPage();
        drawPmf(doc, {
          sessionId: p.session.id,
          timeZone: p.session.timeZone,
          formVersion: f.formVersion,
          status: f.status,
          dueDate: f.dueDate,
          submittedAt: f.submittedAt ? new Date(f.submittedAt) : null,
          channel: f.channel,
          confirmation: f.confirmation,
          fields: f.fields as Record<string, unknown>,
          links: f.links,
        });
      }
      doc.end();
    },
  });
}
