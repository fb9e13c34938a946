import { describeError } from '../errors';
import { detectProject } from '../project/detectProject';
import { createOverlay } from '../testgen/run/createOverlay';
import { runTestFile } from '../testgen/run/runTestFile';
import type { Problem } from './triageTypes';

/** The test a failure came from: its file (project-relative) and its title as the runner printed it. */
export interface FailingTest {
  readonly testFile: string;
  readonly title: string;
}

/** How the re-run went. */
export type RerunOutcome =
  | { readonly kind: 'passed'; readonly title: string; readonly durationMs: number }
  | { readonly kind: 'failed'; readonly title: string; readonly error: string }
  | { readonly kind: 'not-run'; readonly reason: string };

const TEST_FILE = /(?:^|\/)(?:__tests__\/|tests?\/)|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * The failing test behind a problem, when a runner printed its title and its file can be told:
 * the file the runner named (jest, vitest), else the outermost project frame in a test file.
 */
export function failingTestOf(problem: Problem): FailingTest | undefined {
  if (problem.test === undefined) {
    return undefined;
  }
  const framed = [...problem.frames].reverse().find((f) => f.origin === 'project' && f.mapped && TEST_FILE.test(f.mapped.path));
  const testFile = framed?.mapped?.path ?? problem.testFile;
  return testFile === undefined ? undefined : { testFile, title: problem.test };
}

/**
 * Runs the test file again with the project's own runner (in a temporary copy of the project, as
 * Generate Tests does, so nothing in the project is touched) and reports whether that one test
 * now passes. `not-run` says why when it could not be run or found.
 */
export async function rerunFailingTest(root: string, test: FailingTest, options: { readonly timeoutMs: number; readonly signal?: AbortSignal }): Promise<RerunOutcome> {
  try {
    const facts = await detectProject(root);
    const overlay = await createOverlay(root);
    try {
      const run = await runTestFile(overlay, facts, test.testFile, { timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
      if (run.kind !== 'ran') {
        return { kind: 'not-run', reason: `the test run ${run.kind === 'timeout' ? 'timed out' : run.kind}: ${run.output.split('\n').slice(0, 5).join(' ')}` };
      }
      const wanted = normalize(test.title);
      const last = normalize(test.title.split(' › ').pop() ?? test.title);
      const result = run.tests.find((t) => normalize(t.fullTitle) === wanted) ?? run.tests.find((t) => normalize(t.title) === last);
      if (!result) {
        return { kind: 'not-run', reason: `"${test.title}" was not among the ${run.tests.length} test(s) of ${test.testFile}` };
      }
      return result.status === 'passed'
        ? { kind: 'passed', title: test.title, durationMs: result.durationMs ?? run.durationMs }
        : { kind: 'failed', title: test.title, error: result.error ?? result.status };
    } finally {
      await overlay.dispose();
    }
  } catch (error) {
    return { kind: 'not-run', reason: describeError(error) };
  }
}

function normalize(title: string): string {
  return title.replace(/\s*›\s*|\s*>\s*/g, ' ').replace(/\s+/g, ' ').trim();
}
