import { defineConfig, devices } from "@playwright/test";

// Ports, data dir and build dir come from the environment so that several runs can share a checkout.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54339);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  workers: 1, // the tests share one seeded database
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./tests/pw-summary-reporter.ts"]],
  outputDir: `test-results/${port}`,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command:
      `rm -rf ${dataDir} && PG_DATA_DIR=${dataDir} PG_PORT=${pgPort} npx tsx scripts/with-db.ts ` +
      `'prisma migrate deploy && tsx --conditions=react-server prisma/seed.ts && next start -H 127.0.0.1 -p ${port}'`,
    url: `${baseURL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: "", // "" → the wrapper starts the embedded server (STACK T10)
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      E2E_DATA_DIR: dataDir,
      E2E_PG_PORT: String(pgPort),
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
