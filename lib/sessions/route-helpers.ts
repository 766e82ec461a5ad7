import "server-only";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { endpoint } from "@/lib/http/endpoint";

/**
 * A POST/PUT on one session (the one route wrapper, lib/http/endpoint): authorized for the session's site,
 * validated with the shared schema, and idempotent — a tablet resending with the same Idempotency-Key gets the first answer.
 */
export const sessionCommand = <S extends z.ZodType, R>(
  action: Action,
  schema: S,
  run: (user: CurrentUser, sessionId: string, input: z.output<S>) => Promise<R>,
  status = 200,
) =>
  endpoint({ action, record: { type: "TreatmentSession" }, body: schema, idempotent: true, status }, ({ user, params, input }) =>
    run(user, params.id, input as z.output<S>),
  );
