// Rule codes ("R39", "R12_DEVICE_SPACING") are for the audit view and tooltips; people read plain words.

const CODE = /\s*\((?:R\d+[A-Z_]*)(?:\s*[,/–-]\s*R\d+[A-Z_]*)*\)|\bR\d+[A-Z_]*:\s*/g;

/** The text without rule codes: "Pre-dose BP above 140/90 (R19)." → "Pre-dose BP above 140/90." */
export function plainWords(text: string): string {
  return text
    .replace(CODE, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** The rule codes a text mentions, for its tooltip: "R19, R20". Empty when none. */
export function ruleCodes(text: string): string {
  return [...text.matchAll(/\bR\d+\b/g)]
    .map((m) => m[0])
    .filter((c, i, all) => all.indexOf(c) === i)
    .join(", ");
}
