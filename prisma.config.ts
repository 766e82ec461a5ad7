import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapter, embeddedUrl } from "./lib/db/adapter";

process.env.DATABASE_URL ||= embeddedUrl(process.env.PG_PORT); // `prisma generate` needs a URL (STACK T5)

// Shim 7: the JS schema engine arms long timers that keep the CLI alive for 10-60 s after it is done.
const setTimeout0 = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => {
  const t = setTimeout0(fn, ms, ...a);
  if ((ms ?? 0) >= 5000 && new Error().stack?.includes("wasm://")) t.unref();
  return t;
}) as typeof setTimeout;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Migrations run as the owner role; the app's DATABASE_URL role cannot alter tables (issue 12 §5).
  adapter: async () => createAdapter(process.env.DATABASE_OWNER_URL || undefined),
});
