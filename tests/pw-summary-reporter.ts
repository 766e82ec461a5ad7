import fs from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

export default class SummaryReporter implements Reporter {
  private n = { passed: 0, failed: 0, skipped: 0 };
  onTestEnd(test: TestCase, result: TestResult) {
    // Count each test once, by its final outcome (retries are not separate tests).
    if (result.retry < test.retries && result.status !== "passed" && result.status !== "skipped") return;
    if (result.status === "passed") this.n.passed++;
    else if (result.status === "skipped") this.n.skipped++;
    else this.n.failed++;
  }
  onEnd() {
    console.log(`\ne2e: ${this.n.passed} passed, ${this.n.failed} failed, ${this.n.skipped} skipped`);
    if (process.env.SUMMARY_FILE) fs.writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(this.n));
  }
}
