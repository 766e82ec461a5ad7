/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several builds (dev, e2e, a helper's check) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@node-rs/argon2"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
