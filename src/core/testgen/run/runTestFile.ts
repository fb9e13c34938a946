import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertInsideRoot } from '../../changes/assertInsideRoot';
import { RoutecraftError } from '../../errors';
import type { ProjectFacts } from '../../project/projectFacts';
import type { Overlay } from './createOverlay';
import { measureCoverage } from './measureCoverage';
import type { RunResult } from './runResult';
import type { RunnerContext } from './runnerAdapter';
import { RUNNER_ADAPTERS } from './runnerAdapters';
import { runProcess } from './runProcess';

export interface RunTestFileOptions {
  /** The run is killed (its whole process group) past this. */
  readonly timeoutMs: number;
  /** Aborting kills the run and resolves with `cancelled`. */
  readonly signal?: AbortSignal;
  /** A root-relative source file: also measure its coverage before and after the candidate. */
  readonly coverageOf?: string;
  /** Timeout of each of the two coverage runs (whole suite); default four times `timeoutMs`. */
  readonly coverageTimeoutMs?: number;
  /** Extra environment variables for the runner. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs only `testFile` (root-relative, inside the overlay) with the project's own test runner from its
 * node_modules, in a child process group with a timeout, and reads the per-test results from the
 * runner's machine-readable report. Throws a RoutecraftError when the project has no known runner or
 * the file is not in the overlay; every outcome of the run itself is a RunResult.
 */
export async function runTestFile(overlay: Overlay, facts: ProjectFacts, testFile: string, options: RunTestFileOptions): Promise<RunResult> {
  const runner = facts.testRunner?.name;
  if (runner === undefined) {
    throw new RoutecraftError('invalid-input', 'No test runner was detected in the project; tests cannot be run.');
  }
  if (!existsSync(assertInsideRoot(overlay.root, testFile))) {
    throw new RoutecraftError('file-not-found', `The test file ${testFile} is not in the copy of the project.`);
  }
  const adapter = RUNNER_ADAPTERS[runner];
  const reportDir = await mkdtemp(join(tmpdir(), 'routecraft-run-'));
  const ctx: RunnerContext = { root: overlay.root, facts, testFile, reportDir };
  const started = Date.now();
  try {
    const invocation = await adapter.testInvocation(ctx);
    if (typeof invocation === 'string') {
      return { kind: 'crashed', tests: [], output: invocation, durationMs: 0 };
    }
    const processOptions = {
      cwd: overlay.root,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.env ? { env: options.env } : {}),
    };
    const outcome = await runProcess(invocation.command, invocation.args, processOptions);
    if (outcome.kind !== 'exited') {
      return { kind: outcome.kind, tests: [], output: outcome.output, durationMs: outcome.durationMs };
    }
    const report = await adapter.readReport(ctx, outcome.output);
    if (report === undefined || report.tests.length === 0) {
      const output = [report?.fileError, outcome.output].filter((part) => part !== undefined && part !== '').join('\n\n');
      return { kind: 'crashed', tests: [], output, durationMs: outcome.durationMs };
    }
    const ran: RunResult = { kind: 'ran', tests: report.tests, output: outcome.output, durationMs: outcome.durationMs };
    if (options.coverageOf === undefined) {
      return ran;
    }
    const coverage = await measureCoverage(adapter, { root: overlay.root, facts, testFile }, options.coverageOf, {
      ...processOptions,
      timeoutMs: options.coverageTimeoutMs ?? options.timeoutMs * 4,
    });
    if (coverage.kind === 'cancelled' || coverage.kind === 'timeout') {
      return { ...ran, kind: coverage.kind, durationMs: Date.now() - started };
    }
    return coverage.kind === 'measured' ? { ...ran, coverage: coverage.coverage, durationMs: Date.now() - started } : ran;
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}
