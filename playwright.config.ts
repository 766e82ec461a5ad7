import { defineConfig, devices } from "@playwright/test";

// Ports, data dir and build dir come from the environment so that several runs can share a checkout.
const port = Number(process.env.E2E_PORT ?? 3100);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54339);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const baseURL = `http://127.0.0.1:${port}`;
// The go-live journey runs on its own server with an empty database (migrations only, no seed).
const goLivePort = Number(process.env.E2E_GOLIVE_PORT ?? 3101);
const goLivePgPort = Number(process.env.E2E_GOLIVE_PG_PORT ?? 54341);
const goLiveDir = process.env.E2E_GOLIVE_DATA_DIR ?? ".data/e2e-golive";
const goLiveURL = `http://127.0.0.1:${goLivePort}`;
// Start only the server(s) the chosen specs need: `playwright test e2e/go-live.spec.ts` starts no seeded server.
const args = process.argv.slice(2).join(" ");
const namesSpecs = /\.spec\.ts|--project/.test(args);
const wantGoLive = !namesSpecs || /go-live/.test(args);
const wantSeeded = !namesSpecs || /\.spec\.ts|--project/.test(args.replace(/\S*go-live\S*/g, ""));
const env = (url: string) => ({
  DATABASE_URL: "", // "" → the wrapper starts the embedded server (STACK T10)
  NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  NEXTAUTH_URL: url,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
});

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
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "seeded", testIgnore: /go-live\.spec\.ts/ },
    { name: "go-live", testMatch: /go-live\.spec\.ts/, use: { baseURL: goLiveURL } },
  ],
  webServer: [
    ...(wantSeeded
      ? [
          {
            command:
              `rm -rf ${dataDir} && PG_DATA_DIR=${dataDir} PG_PORT=${pgPort} npx tsx scripts/with-db.ts ` +
              `'prisma migrate deploy && tsx --conditions=react-server prisma/seed.ts && next start -H 127.0.0.1 -p ${port}'`,
            url: `${baseURL}/sign-in`,
            timeout: 180_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: { ...env(baseURL), E2E_DATA_DIR: dataDir, E2E_PG_PORT: String(pgPort) },
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
          },
        ]
      : []),
    ...(wantGoLive
      ? [
          {
            // As in production: migrations on an empty database, then the app. No seed.
            command:
              `rm -rf ${goLiveDir} && PG_DATA_DIR=${goLiveDir} PG_PORT=${goLivePgPort} npx tsx scripts/with-db.ts ` +
              `'prisma migrate deploy && next start -H 127.0.0.1 -p ${goLivePort}'`,
            url: `${goLiveURL}/setup`,
            timeout: 180_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: env(goLiveURL),
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
          },
        ]
      : []),
  ],
});
