import "server-only";
import { db } from "@/lib/db/client";
import { csvRow } from "@/lib/reports/csv";
import { PMF_FIELD_KEYS } from "./field-keys";

export type PmfExportFilter = { siteId: string; from: string; to: string; status?: "DRAFT" | "READY" | "SUBMITTED" };

const META = ["sessionId", "formVersion", "status", "dueDate", "submittedAt", "channel", "confirmation"] as const;
export const PMF_CSV_HEADER = [...META, ...PMF_FIELD_KEYS];

/**
 * All PMFs of a site and treatment-date range as CSV, one row per session, streamed a page at a time
 * (keyset on id), so 10 000 forms are never in memory together. Amended originals are left out.
 */
export function pmfCsvStream(filter: PmfExportFilter, pageSize = 2000, onRow?: (n: number) => void): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let afterId: string | undefined;
  let rows = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvRow(PMF_CSV_HEADER)));
        return;
      }
      const page = await db().patientMonitoringForm.findMany({
        where: {
          session: { siteId: filter.siteId, treatmentDate: { gte: new Date(`${filter.from}T00:00:00Z`), lte: new Date(`${filter.to}T00:00:00Z`) } },
          amendedBy: null,
          ...(filter.status ? { status: filter.status } : {}),
          ...(afterId ? { id: { gt: afterId } } : {}),
        },
        orderBy: { id: "asc" },
        take: pageSize,
        select: { id: true, sessionId: true, formVersion: true, status: true, dueDate: true, submittedAt: true, channel: true, confirmation: true, fields: true },
      });
      if (!page.length) {
        controller.close();
        return;
      }
      let chunk = "";
      for (const p of page) {
        const fields = (p.fields ?? {}) as Record<string, unknown>;
        chunk += csvRow([p.sessionId, p.formVersion, p.status, p.dueDate.toISOString().slice(0, 10), p.submittedAt, p.channel, p.confirmation, ...PMF_FIELD_KEYS.map((k) => fields[k])]);
      }
      rows += page.length;
      onRow?.(rows);
      afterId = page[page.length - 1].id;
      controller.enqueue(enc.encode(chunk));
    },
  });
}
