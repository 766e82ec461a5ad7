import { pmfForms } from "@/lib/pmf/export";
import { pmfPdfStream } from "@/lib/pmf/pdf";
import { pmfExportHead, pmfExportRoute } from "@/lib/pmf/report-route";

/** GET /api/reports/pmf/pdf?siteId=&from=&to=[&status=] — one combined PDF, a page per form. */
export const GET = pmfExportRoute("pdf", "application/pdf", (q) => pmfPdfStream(pmfForms(q, 200)));
export const HEAD = pmfExportHead();
