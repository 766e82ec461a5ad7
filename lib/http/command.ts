import "server-only";
import type { z } from "zod";
import { authorizeRecord, type RecordType } from "@/lib/auth/authorize-record";
import { authorizeRequest, type Scope } from "@/lib/auth/authorize";
import { notFoundError } from "./errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { answerOnce } from "@/lib/db/idempotency";
import { ok, parseBody, route } from "./route";

/** The dynamic segments of the route's path. */
type Params = Record<string, string>;

export type CommandSpec<S extends z.ZodType | undefined> = {
  action: Action;
  /** The record named in the path (`[id]` unless `param` says otherwise): its sites scope the action (authorize-record). */
  record?: { type: RecordType; param?: string };
  /** For a new record, its site from the validated body: the user must work there (404 otherwise). */
  siteOf?: (input: S extends z.ZodType ? z.output<S> : undefined) => Promise<Scope>;
  /** The shared zod schema of the JSON body; without one, the body is not read. */
  body?: S;
  /** Remember the first answer per Idempotency-Key and replay it (lib/db/idempotency): chair-side commands a tablet may send twice. */
  idempotent?: boolean;
  status?: number;
};

/** A new record at the site the body names. */
export const atSite = async (siteId: string): Promise<Scope> => ({ siteId, entityType: "Site", entityId: siteId });

/** A new record about one the body names: its site, or a 404 when it does not exist. */
export const about = async (label: string, entityType: string, entityId: string, siteOf: (id: string) => Promise<string | null>): Promise<Scope> => {
  const siteId = await siteOf(entityId);
  if (!siteId) throw notFoundError(label);
  return { siteId, entityType, entityId };
};

type Run<S extends z.ZodType | undefined> = (c: {
  user: CurrentUser;
  params: Params;
  input: S extends z.ZodType ? z.output<S> : undefined;
  req: Request;
}) => Promise<unknown>;

/**
 * The one wrapper for a route handler that acts: the role first (403 before anything is read or parsed), then
 * the site scope of the record in the path or of the body's site (another site's is a 404 that tells nothing;
 * every denial is audited by lib/auth/authorize), then the body through its shared schema (422 with field
 * messages), then the command — which writes its own audit row in the transaction of its change — answered
 * as `{ ok: true, data }`, with errors mapped once by `route`.
 */
export function command<S extends z.ZodType | undefined = undefined>(spec: CommandSpec<S>, run: Run<S>) {
  return route<{ params: Promise<Params> }>(async (req, ctx) => {
    const params = (await ctx?.params) ?? {};
    let user = spec.record ? await authorizeRecord(spec.action, spec.record.type, params[spec.record.param ?? "id"]) : await authorizeRequest(spec.action);
    const bodyOf = spec.idempotent ? req.clone() : null;
    const input = (spec.body ? await parseBody(req, spec.body) : undefined) as S extends z.ZodType ? z.output<S> : undefined;
    if (spec.siteOf) {
      const scope = await spec.siteOf(input);
      user = await authorizeRequest(spec.action, scope);
    }
    const answer = async () => ok(await run({ user, params, input, req }), spec.status ?? 200);
    if (!bodyOf) return answer();
    let template = new URL(req.url).pathname;
    for (const [name, value] of Object.entries(params)) template = template.replace(`/${value}`, `/[${name}]`);
    return answerOnce(bodyOf, user.id, template, answer);
  });
}
