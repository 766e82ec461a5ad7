import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // Data modules start with `import "server-only"`; outside Next that marker would throw.
    alias: { "server-only": path.resolve("node_modules/server-only/empty.js") },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // DB tests share one database: files run one after another.
    fileParallelism: false,
    testTimeout: 20_000,
    reporters: ["default", "./tests/vitest-summary-reporter.ts"],
  },
});
