import { notFoundError } from "@/lib/http/errors";
import { endpoint } from "@/lib/http/endpoint";
import { sessionAuditPacket } from "@/lib/packet/data";
import { auditPacketPdf } from "@/lib/packet/pdf";

/** GET ?format=json|pdf: the session's audit packet (psychiatrists and administrators of its site); audited. */
export const GET = endpoint({ action: "packet.export", record: { type: "TreatmentSession" } }, async ({ user, params: { id }, req }) => {
  const pdf = new URL(req.url).searchParams.get("format") === "pdf";
  const packet = await sessionAuditPacket(id, { id: user.id, email: user.email, role: user.role });
  if (!packet) throw notFoundError("Session");
  const name = `audit-packet-${id}.${pdf ? "pdf" : "json"}`;
  const headers = { "cache-control": "no-store", "content-disposition": `attachment; filename="${name}"` };
  return pdf
    ? new Response(auditPacketPdf(packet), { headers: { ...headers, "content-type": "application/pdf" } })
    : new Response(JSON.stringify(packet, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
