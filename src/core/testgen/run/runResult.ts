/** What one test case did in one run. */
export interface TestCaseResult {
  readonly title: string;
  /** Suite titles and the test title joined by spaces (`users create returns 201`). */
  readonly fullTitle: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Error message and the first stack lines, trimmed; only for failed tests. */
  readonly error?: string;
  /** Error class name where the runner reports one (`AssertionError`, `ReferenceError`). */
  readonly errorName?: string;
  readonly durationMs?: number;
}

/** Line/branch/function coverage percentages of one file. */
export interface CoveragePercent {
  readonly lines: number;
  readonly branches: number;
  readonly functions: number;
}

/** Coverage of the target source file with the existing tests only, and with the candidate added. */
export interface CoverageDelta {
  readonly file: string;
  /** `coverage-v8` (vitest), `jest`, `node:test` (Node's experimental v8 coverage). */
  readonly tool: string;
  /** Undefined when the existing tests never load the file. */
  readonly before?: CoveragePercent;
  readonly after?: CoveragePercent;
}

/**
 * The outcome of running one candidate test file: `ran` (results parsed), `timeout` (killed),
 * `cancelled` (the signal aborted; killed), `crashed` (no per-test results, e.g. a compile error).
 */
export interface RunResult {
  readonly kind: 'ran' | 'timeout' | 'cancelled' | 'crashed';
  readonly tests: readonly TestCaseResult[];
  /** The runner's combined stdout/stderr, trimmed to a bounded size. */
  readonly output: string;
  readonly durationMs: number;
  /** Only when `coverageOf` was asked and the project has a coverage tool. */
  readonly coverage?: CoverageDelta;
}
