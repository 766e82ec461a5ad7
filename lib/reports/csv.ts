// CSV for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a formula is
// neutralised with a leading apostrophe (OWASP "CSV injection"): =, +, -, @, tab, carriage return.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells already encoded as CSV (e.g. stored with the row), written as they are. */
export class CsvText {
  constructor(readonly text: string) {}
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof CsvText) return value.text;
  let text: string;
  if (typeof value === "number" || typeof value === "boolean") text = typeof value === "boolean" ? (value ? "Yes" : "No") : String(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join("; ");
  else text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";

/**
 * A CSV download from rows that arrive page by page (an async iterable): the header, then a chunk per
 * `chunkRows` rows, so a large export is never held in memory.
 */
export function csvFromRows<T>(header: string[], rows: AsyncIterable<T>, toCells: (row: T) => unknown[], chunkRows = 2000): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvRow(header)));
        return;
      }
      let chunk = "";
      for (let i = 0; i < chunkRows; i++) {
        const { done, value } = await it.next();
        if (done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRow(toCells(value));
      }
      controller.enqueue(enc.encode(chunk));
    },
  });
}
