import { describe, expect, it } from "vitest";
import { flushDrafts, readDrafts, saveDraft, type Draft } from "./drafts";

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};
const draft = (key: string): Draft => ({
  key,
  url: "/api/sessions/s1/vitals",
  method: "POST",
  body: { spo2: 97 },
  label: "SpO₂ 97",
  savedAt: "2026-11-23T14:00:00Z",
});

describe("offline drafts", () => {
  it("keeps one draft per idempotency key", () => {
    const s = memory();
    saveDraft(s, draft("a"));
    saveDraft(s, draft("a"));
    saveDraft(s, draft("b"));
    expect(readDrafts(s).map((d) => d.key)).toEqual(["a", "b"]);
  });
  it("sends drafts in order and keeps the rest when the network drops again", async () => {
    const s = memory();
    for (const k of ["a", "b", "c"]) saveDraft(s, draft(k));
    const sent = await flushDrafts(s, async (d) => (d.key === "b" ? "offline" : "sent"));
    expect(sent).toBe(1);
    expect(readDrafts(s).map((d) => d.key)).toEqual(["b", "c"]);
  });
});
