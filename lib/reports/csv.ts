// CSV for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run as a formula is
// neutralised with a leading apostrophe (OWASP "CSV injection"): =, +, -, @, tab, carriage return.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number" || typeof value === "boolean") text = typeof value === "boolean" ? (value ? "Yes" : "No") : String(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join("; ");
  else text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";
