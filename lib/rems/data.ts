import "server-only";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { parametersAt, type RemsParameters } from "./parameters";

let cache: { at: number; sets: RemsParameters[] } | null = null;

/** The REMS parameter set in force at `at` (sets are re-read at most once a minute). */
export async function remsParametersAt(at: Date, client: Tx | ReturnType<typeof db> = db()): Promise<RemsParameters> {
  if (!cache || Date.now() - cache.at > 60_000) cache = { at: Date.now(), sets: await client.remsParameterSet.findMany() };
  return parametersAt(cache.sets, at);
}

/** After a set is added or withdrawn in this process. Other processes re-read within a minute; new sets start on a later day. */
export function forgetRemsParameters() {
  cache = null;
}
