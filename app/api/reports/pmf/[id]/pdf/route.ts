import { authorizeRequest } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/data";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { amendmentNotes } from "@/lib/pmf/links";
import { pmfPdfStream, type PrintablePmf } from "@/lib/pmf/pdf";
import { dateOnly } from "@/lib/time/days";

/** GET /api/reports/pmf/:id/pdf — one form, fit to fax. */
export const GET = route<{ params: Promise<{ id: string }> }>(async (_req, ctx) => {
  const { id } = await ctx.params;
  await authorizeRequest("reports.export");
  const pmf = await db().patientMonitoringForm.findUnique({
    where: { id },
    include: {
      session: { select: { siteId: true, patientId: true, site: { select: { timeZone: true } } } },
      amends: { select: { id: true, submittedAt: true, confirmation: true } },
      amendedBy: { select: { id: true, createdAt: true, status: true } },
    },
  });
  if (!pmf) throw notFoundError("Patient Monitoring Form");
  const user = await authorizeRequest("reports.export", { siteId: pmf.session.siteId, entityType: "PatientMonitoringForm", entityId: id });
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
