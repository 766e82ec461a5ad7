/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (dev, e2e, a helper's check) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // pdfkit reads its font metrics from its own folder at run time, so it must not be bundled.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@node-rs/argon2", "pdfkit"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
