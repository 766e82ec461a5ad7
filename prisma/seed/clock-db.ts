// The seed's database client: the same client the app uses, whose clock columns (`@default(now())` and
// `@updatedAt` in prisma/schema.prisma) follow serverNow(). A command replayed inside atTime(past, ...)
// then stamps its rows with that past moment, as the same command run live stamps them with now; outside
// atTime serverNow() is the real time, so nothing changes. Nested creates keep the database's own now().
import fs from "node:fs";
import path from "node:path";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { createAdapter, databaseUrl } from "../../lib/db/adapter";
import { serverNow } from "../../lib/clock";

type Stamps = { created: string[]; updated: string[] };

/** Per model, the columns the database or Prisma fills with "now" (read from the schema, so new ones follow). */
function clockColumns(schema: string): Map<string, Stamps> {
  const out = new Map<string, Stamps>();
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const s: Stamps = { created: [], updated: [] };
    for (const line of body.split("\n")) {
      const field = line.trim().split(/\s+/)[0];
      if (/@updatedAt\b/.test(line)) s.updated.push(field);
      else if (/@default\(now\(\)\)/.test(line)) s.created.push(field);
    }
    if (s.created.length || s.updated.length) out.set(model, s);
  }
  return out;
}

const columns = clockColumns(fs.readFileSync(path.join(import.meta.dirname, "..", "schema.prisma"), "utf8"));

function stamp(model: string | undefined, data: unknown, creating: boolean) {
  const c = model && columns.get(model);
  if (!c) return;
  const now = serverNow();
  for (const row of Array.isArray(data) ? data : [data]) {
    if (!row || typeof row !== "object") continue;
    const r = row as Record<string, unknown>;
    for (const f of creating ? [...c.created, ...c.updated] : c.updated) if (r[f] === undefined) r[f] = now;
  }
}

/** Makes lib/db/client's db() return the clock-following client. Call before anything touches the database. */
export function useSeedClock() {
  // The seed's own connections commit without waiting for the disk (synchronous_commit=off): a crash mid-seed
  // means re-seeding anyway, and 1 400 small transactions then take seconds, not minutes.
  const url = new URL(databaseUrl());
  url.searchParams.set("options", "-c synchronous_commit=off");
  const client = new PrismaClient({ adapter: createAdapter(url.toString()) }).$extends({
    query: {
      $allModels: {
        create: ({ model, args, query }) => (stamp(model, args.data, true), query(args)),
        createMany: ({ model, args, query }) => (stamp(model, args.data, true), query(args)),
        createManyAndReturn: ({ model, args, query }) => (stamp(model, args.data, true), query(args)),
        update: ({ model, args, query }) => (stamp(model, args.data, false), query(args)),
        updateMany: ({ model, args, query }) => (stamp(model, args.data, false), query(args)),
        upsert: ({ model, args, query }) => (stamp(model, args.create, true), stamp(model, args.update, false), query(args)),
      },
    },
  });
  (globalThis as unknown as { __prisma?: unknown }).__prisma = client;
}
