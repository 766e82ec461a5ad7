import { pmfCsvStream } from "@/lib/pmf/export";
import { pmfExportHead, pmfExportRoute } from "@/lib/pmf/report-route";

/** GET /api/reports/pmf/csv?siteId=&from=&to=[&status=] */
export const GET = pmfExportRoute("csv", "text/csv; charset=utf-8", (q) => pmfCsvStream(q));
export const HEAD = pmfExportHead();
