import { recordAudit } from "@/lib/audit/data";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/http/errors";
import { endpoint } from "@/lib/http/endpoint";
import { amendmentNotes } from "@/lib/pmf/links";
import { pmfPdfStream, type PrintablePmf } from "@/lib/pmf/pdf";
import { dateOnly } from "@/lib/time/days";

/** GET /api/reports/pmf/:id/pdf — one form, fit to fax. */
export const GET = endpoint({ action: "reports.export", record: { type: "PatientMonitoringForm" } }, async ({ user, params: { id } }) => {
  const pmf = await db().patientMonitoringForm.findUnique({
    where: { id },
    include: {
      session: { select: { siteId: true, patientId: true, site: { select: { timeZone: true } } } },
      amends: { select: { id: true, submittedAt: true, confirmation: true } },
      amendedBy: { select: { id: true, createdAt: true, status: true } },
    },
  });
  if (!pmf) throw notFoundError("Patient Monitoring Form");
  await recordAudit({
    actor: { id: user.id, email: user.email, role: user.role },
    action: "report.export",
    entityType: "PatientMonitoringForm",
    entityId: id,
    siteId: pmf.session.siteId,
    patientId: pmf.session.patientId,
    after: { format: "pdf" },
  });
  const form: PrintablePmf = {
    ...pmf,
    timeZone: pmf.session.site.timeZone,
    dueDate: dateOnly(pmf.dueDate),
    fields: (pmf.fields ?? {}) as Record<string, unknown>,
    links: amendmentNotes(pmf, pmf.session.site.timeZone),
  };
  async function* one() {
    yield form;
  }
  return new Response(pmfPdfStream(one()), {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="pmf-${id}.pdf"`, "cache-control": "no-store" },
  });
});
