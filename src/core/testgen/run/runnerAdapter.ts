import type { ProjectFacts } from '../../project/projectFacts';
import type { CoveragePercent, TestCaseResult } from './runResult';

/** Where one run happens and what it runs. */
export interface RunnerContext {
  /** The overlay folder (absolute). */
  readonly root: string;
  readonly facts: ProjectFacts;
  /** The candidate test file, root-relative POSIX. */
  readonly testFile: string;
  /** A fresh temporary folder for the run's reports (absolute). */
  readonly reportDir: string;
}

/** A coverage run: the whole existing suite, with or without the candidate, measuring one file. */
export interface CoverageContext extends RunnerContext {
  /** The source file whose coverage is measured, root-relative POSIX. */
  readonly target: string;
  readonly withCandidate: boolean;
}

/** A command line, run without a shell. */
export interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
}

/** Per-test results read from a run's report, or why the file produced none. */
export interface RunnerReport {
  readonly tests: readonly TestCaseResult[];
  readonly fileError?: string;
}

/**
 * How one test runner is started for a single file and how its report is read.
 * Adding a runner means one adapter file and one line in `RUNNER_ADAPTERS`.
 */
export interface RunnerAdapter {
  /** The command running only `ctx.testFile`, or a message saying why it cannot run. */
  testInvocation(ctx: RunnerContext): Promise<Invocation | string>;
  /** Undefined when the run left no readable report (it crashed before reporting). */
  readReport(ctx: RunnerContext, output: string): Promise<RunnerReport | undefined>;
  /** The coverage tool the project has for this runner, or undefined when it has none. */
  coverageTool(root: string): string | undefined;
  coverageInvocation(ctx: CoverageContext): Promise<Invocation | undefined>;
  readCoverage(ctx: CoverageContext, output: string): Promise<CoveragePercent | undefined>;
}
