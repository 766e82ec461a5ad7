// Entries made while the tablet is offline are kept here and sent when the network returns.
// Each keeps its idempotency key, so a draft that did reach the server is never recorded twice.
export type Draft = { key: string; url: string; method: "POST" | "PUT"; body: unknown; label: string; savedAt: string };

type Store = Pick<Storage, "getItem" | "setItem">;
const NAME = "session-drafts";

export const readDrafts = (store: Store): Draft[] => {
  try {
    return JSON.parse(store.getItem(NAME) ?? "[]");
  } catch {
    return [];
  }
};
export const saveDraft = (store: Store, d: Draft) => store.setItem(NAME, JSON.stringify([...readDrafts(store).filter((x) => x.key !== d.key), d]));
export const dropDraft = (store: Store, key: string) => store.setItem(NAME, JSON.stringify(readDrafts(store).filter((x) => x.key !== key)));

/** Sends every draft; keeps those that still cannot reach the server. Returns how many were sent. */
export async function flushDrafts(store: Store, send: (d: Draft) => Promise<"sent" | "offline" | "refused">): Promise<number> {
  let sent = 0;
  for (const d of readDrafts(store)) {
    const r = await send(d);
    if (r === "offline") break;
    dropDraft(store, d.key); // sent, or refused for good (the refusal is shown; retrying would not help)
    if (r === "sent") sent++;
  }
  return sent;
}

export const newKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replaceAll("-", "");
