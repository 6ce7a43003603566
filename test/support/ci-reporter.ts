import fs from "node:fs";
import path from "node:path";
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from "vitest/node";

/**
 * What `.ci/summarize.mjs` adds up, written by Vitest itself at the end of a run: every test's outcome, every
 * test file's own errors (it failed to load, or a beforeAll/afterAll threw: its tests then show as skipped),
 * and the errors thrown outside any test ("Unhandled Errors", which Vitest's JSON report leaves out).
 */
export interface CiReport {
  reason: TestRunEndReason;
  files: CiFile[];
  unhandledErrors: string[];
}

export interface CiFile {
  file: string;
  /** "passed" | "failed" | "skipped", or "pending" / "queued" when the run ended before the file did. */
  state: string;
  errors: string[];
  passed: number;
  failed: string[];
  skipped: number;
}

function describeError(error: SerializedError): string {
  return `${error.name ?? "Error"}: ${error.message}`.split("\n")[0] ?? "";
}

export class CiReporter implements Reporter {
  constructor(private readonly outputFile: string) {}

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const files = testModules.map((module): CiFile => {
      const entry: CiFile = {
        file: module.relativeModuleId,
        state: module.state(),
        errors: module.errors().map(describeError),
        passed: 0,
        failed: [],
        skipped: 0,
      };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") entry.passed += 1;
        else if (state === "failed") entry.failed.push(test.fullName);
        else entry.skipped += 1;
      }
      return entry;
    });
    const report: CiReport = { reason, files, unhandledErrors: unhandledErrors.map(describeError) };
    fs.mkdirSync(path.dirname(this.outputFile), { recursive: true });
    fs.writeFileSync(this.outputFile, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/** The reporters of a run: Vitest's own, plus the CI report when CI_REPORT names its file. */
export function reporters(): ("default" | CiReporter)[] {
  const file = process.env.CI_REPORT;
  return file ? ["default", new CiReporter(path.resolve(file))] : ["default"];
}
