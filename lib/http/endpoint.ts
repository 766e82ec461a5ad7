import "server-only";
import { z } from "zod";
import { authorizeRecord, type RecordType } from "@/lib/auth/authorize-record";
import { authorizeRequest, type Scope } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Action } from "@/lib/auth/permissions";
import { answerOnce, idempotencyKeyOf } from "@/lib/db/idempotency";
import { invalidInput } from "./errors";
import { ok, readJsonBody, route, validBody } from "./route";

/** The dynamic segments of the route's path. */
type Params = Record<string, string>;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type EndpointSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  action: Action;
  /** The record named in the path (`[id]` unless `param` says otherwise): its sites scope the action (authorize-record). */
  record?: { type: RecordType; param?: string };
  /** The shared zod schema of the JSON body; without one, the body is not read. */
  body?: B;
  /** The zod schema of the query string (reports, downloads): a bad value is a 422 naming the parameter. */
  query?: Q;
  /** A record at a site the body or query names: the user must work there (404 otherwise). */
  siteOf?: (input: { body: Out<B>; query: Out<Q> }) => Promise<Scope>;
  /** Remember the first answer per Idempotency-Key and replay it (lib/db/idempotency): chair-side commands a tablet may send twice. */
  idempotent?: boolean;
  status?: number;
};

type Run<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = (c: {
  user: CurrentUser;
  params: Params;
  input: Out<B>;
  query: Out<Q>;
  req: Request;
}) => Promise<unknown>;

/** A record at the site the body or query names. */
export const atSite = async (siteId: string): Promise<Scope> => ({ siteId, entityType: "Site", entityId: siteId });

function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const r = schema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!r.success) throw invalidInput(z.flattenError(r.error).fieldErrors as Record<string, string[]>);
  return r.data;
}

/**
 * The one wrapper for an authenticated route handler: the role first (403 before anything is read or parsed),
 * then the site scope of the record in the path or of the site the input names (another site's is a 404
 * that tells nothing; every denial is audited by lib/auth/authorize), then the body or query through its
 * shared schema (422 with field messages), then `run` — whose command writes its own audit row in the
 * transaction of its change. Data is answered as `{ ok: true, data }`; a Response (a download) as it is;
 * errors once, by `route`. Not here: FHIR reads (API tokens, lib/fhir/route) and a user's own account.
 */
export function endpoint<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(spec: EndpointSpec<B, Q>, run: Run<B, Q>) {
  return route<{ params: Promise<Params> }>(async (req, ctx) => {
    const params = (await ctx?.params) ?? {};
    let user = spec.record ? await authorizeRecord(spec.action, spec.record.type, params[spec.record.param ?? "id"]) : await authorizeRequest(spec.action);
    const body = spec.body ? await readJsonBody(req) : undefined;
    const input = (spec.body ? validBody(body, spec.body) : undefined) as Out<B>;
    const query = (spec.query ? parseQuery(req, spec.query) : undefined) as Out<Q>;
    if (spec.siteOf) user = await authorizeRequest(spec.action, await spec.siteOf({ body: input, query }));
    const answer = async () => {
      const out = await run({ user, params, input, query, req });
      return out instanceof Response ? out : ok(out, spec.status ?? 200);
    };
    if (!spec.idempotent) return answer();
    const path = new URL(req.url).pathname;
    let routeTemplate = path;
    for (const [name, value] of Object.entries(params)) routeTemplate = routeTemplate.replace(`/${value}`, `/[${name}]`);
    return answerOnce({ key: idempotencyKeyOf(req), userId: user.id, method: req.method, routeTemplate, path, body }, answer);
  });
}
