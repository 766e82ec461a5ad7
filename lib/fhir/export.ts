import "server-only";
import { addDays, startOfDay } from "@/lib/time/days";
import { sessionResources } from "./bundle";
import { exportBatches } from "./data";
import type { ExportType } from "./export-schema";

/** Shared resources (one patient, site or clinician in many sessions) are written once per file. */
const SHARED = new Set<string>(["Patient", "Practitioner", "Organization", "Location"]);

/** The instants of a range of the site's calendar days: [start of `from`, start of the day after `to`). */
export const exportRange = (from: string, to: string, timeZone: string) => ({ start: startOfDay(from, timeZone), end: startOfDay(addDays(to, 1), timeZone) });

/**
 * One resource type of a site's sessions as NDJSON, streamed: sessions are read in batches as the client reads
 * (pull), so memory is one batch plus the ids of shared resources already written.
 */
export function ndjsonStream(siteId: string, start: Date, end: Date, type: ExportType, batchSize = 200): ReadableStream<Uint8Array> {
  const batches = exportBatches(siteId, start, end, batchSize);
  const seen = new Set<string>();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const lines: string[] = [];
      for (const s of next.value)
        for (const r of sessionResources(s)) {
          if (r.resourceType !== type) continue;
          if (SHARED.has(type)) {
            if (seen.has(r.id!)) continue;
            seen.add(r.id!);
          }
          lines.push(JSON.stringify(r));
        }
      if (lines.length) controller.enqueue(encoder.encode(lines.join("\n") + "\n"));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
