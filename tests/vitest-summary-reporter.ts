import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

// Prints the plain "N passed, N failed" line CI reads, and leaves the counts for scripts/test.sh.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules)
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === "passed") n.passed++;
        else if (s === "failed") n.failed++;
        else n.skipped++;
      }
    console.log(`\nunit: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`);
    if (process.env.SUMMARY_FILE) fs.writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(n));
  }
}
