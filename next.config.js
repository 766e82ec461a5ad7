import fs from "node:fs";

// The migrations this build expects; GET /api/health compares them with the database's `_prisma_migrations`.
const migrations = fs
  .readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** @type {import('next').NextConfig} */
const nextConfig = {
  env: { BUILD_MIGRATIONS: JSON.stringify(migrations) },
  // Separate build folders let several builds (dev, e2e, a helper's check) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pdfkit reads its font metrics from its own folder at run time, so it must not be bundled.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@node-rs/argon2", "pdfkit"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
