// The CSV cells of a PMF's fields in export column order (issue 14 §5): stored with the fields when a form is
// written (PatientMonitoringForm.fieldsCsv), so the CSV export of 100 000 forms neither reads nor parses their JSON.
import { csvCell } from "@/lib/reports/csv";
import { PMF_FIELD_KEYS } from "./field-keys";

export const pmfFieldsCsv = (fields: unknown): string => {
  const f = (fields ?? {}) as Record<string, unknown>;
  return PMF_FIELD_KEYS.map((k) => csvCell(f[k])).join(",");
};
