import type { ProjectFacts } from '../../project/projectFacts';
import type { Overlay } from './createOverlay';
import { isAssertionFailure } from './isAssertionFailure';
import type { RunResult, TestCaseResult } from './runResult';
import { runTestFile, type RunTestFileOptions } from './runTestFile';

/** One test case over several runs. */
export interface KeptTest {
  readonly title: string;
  readonly fullTitle: string;
  /**
   * `kept`: passed in every run; `flaky`: passed in some; `failed`: passed in none;
   * `skipped`: the runner skipped it every time (it.skip/todo), so it proves nothing.
   */
  readonly verdict: 'kept' | 'flaky' | 'failed' | 'skipped';
  /** Failed every time on an assertion (see isAssertionFailure): it may have found a real bug. */
  readonly suspectedBug: boolean;
  /** The last error seen, for failed and flaky tests. */
  readonly error?: string;
  /** The status in each run; `missing` when a run did not report the test. */
  readonly statuses: readonly (TestCaseResult['status'] | 'missing')[];
}

/** The verdicts, or why the runs stopped early (`kind` other than `ran`; then `tests` is empty). */
export interface KeepPassingResult {
  readonly kind: RunResult['kind'];
  readonly tests: readonly KeptTest[];
  readonly runs: readonly RunResult[];
}

export interface KeepPassingOptions extends Omit<RunTestFileOptions, 'coverageOf' | 'coverageTimeoutMs'> {
  /** How many times the file runs; default 2. */
  readonly runs?: number;
}

/** Keys tests by full title, numbering repeats so that same-named tests stay apart. */
function keyed(tests: readonly TestCaseResult[]): Map<string, TestCaseResult> {
  const map = new Map<string, TestCaseResult>();
  for (const test of tests) {
    let key = test.fullTitle;
    for (let n = 2; map.has(key); n += 1) {
      key = `${test.fullTitle} #${n}`;
    }
    map.set(key, test);
  }
  return map;
}

function verdictOf(results: readonly (TestCaseResult | undefined)[]): KeptTest['verdict'] {
  const passed = results.filter((result) => result?.status === 'passed').length;
  if (passed === results.length) {
    return 'kept';
  }
  if (passed > 0) {
    return 'flaky';
  }
  return results.every((result) => result?.status === 'skipped') ? 'skipped' : 'failed';
}

/**
 * Runs the candidate file `runs` times (default 2) and judges each test: kept only when it passed
 * every time. Measure coverage afterwards, on the file reduced to the kept tests, with runTestFile's
 * `coverageOf`. Stops at the first run that timed out, was cancelled or crashed.
 */
export async function keepPassing(overlay: Overlay, facts: ProjectFacts, testFile: string, options: KeepPassingOptions): Promise<KeepPassingResult> {
  const runs: RunResult[] = [];
  for (let index = 0; index < (options.runs ?? 2); index += 1) {
    const run = await runTestFile(overlay, facts, testFile, options);
    runs.push(run);
    if (run.kind !== 'ran') {
      return { kind: run.kind, tests: [], runs };
    }
  }
  const maps = runs.map((run) => keyed(run.tests));
  const keys = [...new Set(maps.flatMap((map) => [...map.keys()]))];
  const tests = keys.map((key): KeptTest => {
    const results = maps.map((map) => map.get(key));
    const known = results.filter((result): result is TestCaseResult => result !== undefined);
    const sample = known[0] ?? { title: key, fullTitle: key };
    const lastFailure = [...known].reverse().find((result) => result.status === 'failed');
    const verdict = verdictOf(results);
    return {
      title: sample.title,
      fullTitle: sample.fullTitle,
      verdict,
      suspectedBug: verdict === 'failed' && known.every((result) => result.status !== 'failed' || isAssertionFailure(result)),
      ...(lastFailure?.error ? { error: lastFailure.error } : {}),
      statuses: results.map((result) => result?.status ?? 'missing'),
    };
  });
  return { kind: 'ran', tests, runs };
}
