import { NAME_SEPARATOR } from './parseTestReport';
import type { GeneratedTestsSummary, OldTestsSummary, SuiteRun, TestRecord, TscError } from './types';

/**
 * The tests of several suite runs by key (`file › name`); a key seen twice gets ` #2`, ` #3`, so
 * two tests with the same title stay two tests.
 */
export function indexTests(suites: readonly SuiteRun[]): Map<string, TestRecord> {
  const index = new Map<string, TestRecord>();
  for (const suite of suites) {
    for (const test of suite.tests) {
      const base = `${test.file}${NAME_SEPARATOR}${test.name}`;
      let key = base;
      for (let n = 2; index.has(key); n += 1) {
        key = `${base} #${n}`;
      }
      index.set(key, test);
    }
  }
  return index;
}

/**
 * Old tests: every test that passed in the baseline must pass again. Tests that failed in the
 * baseline (they need a database or a service) are counted apart and not held against the change.
 */
export function compareOldTests(before: readonly SuiteRun[], after: readonly SuiteRun[]): OldTestsSummary {
  const previous = indexTests(before);
  const now = indexTests(after);
  const passed = [...previous].filter(([, test]) => test.status === 'passed').map(([key]) => key);
  const broken = passed.filter((key) => now.get(key)?.status !== 'passed');
  const failingBefore = [...previous.values()].filter((test) => test.status === 'failed').length;
  return { passedBefore: passed.length, stillPassing: passed.length - broken.length, broken, failingBefore };
}

/**
 * Generated tests: tests in the files the CLI created or changed that were not in the baseline
 * (an old test in a changed file stays an old test).
 */
export function summarizeGeneratedTests(before: readonly SuiteRun[], after: readonly SuiteRun[], changedFiles: readonly string[]): GeneratedTestsSummary {
  const previous = indexTests(before);
  const changed = new Set(changedFiles);
  const generated = [...indexTests(after)].filter(([key, test]) => changed.has(test.file) && !previous.has(key));
  const count = (status: TestRecord['status']): number => generated.filter(([, test]) => test.status === status).length;
  const failures = generated
    .filter(([, test]) => test.status === 'failed')
    .slice(0, 20)
    .map(([key, test]) => `${key}: ${test.error ?? 'failed'}`);
  const files = [...new Set(generated.map(([, test]) => test.file))].sort();
  const ranFiles = new Set(after.flatMap((suite) => suite.tests.map((test) => test.file)));
  const notRun = changedFiles.filter((file) => isTestFile(file) && !ranFiles.has(file));
  return { files, passed: count('passed'), todo: count('todo'), failed: count('failed'), skipped: count('skipped'), notRun, failures };
}

/** A file named like a test (`x.test.ts`, `x.spec.ts`, `x.e2e-spec.ts`) or kept in `__tests__/`. */
export function isTestFile(path: string): boolean {
  return /[.-](test|spec|e2e-spec)\.[cm]?[jt]sx?$/.test(path) || /(^|\/)__tests__\//.test(path);
}

/**
 * The result as committed: each suite keeps its failed tests only, with counts per status (the
 * full lists stay in the run's temp dir with --keep).
 */
export function compactSuites(suites: readonly SuiteRun[]): SuiteRun[] {
  return suites.map((suite) => {
    const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
    for (const test of suite.tests) {
      counts[test.status] += 1;
    }
    return { ...suite, counts, tests: suite.tests.filter((test) => test.status === 'failed').slice(0, 50) };
  });
}

/** The key of a type error as the corpus records it: `file(line): TSxxxx`. */
export function tscErrorKey(error: TscError): string {
  return `${error.file}(${error.line}): ${error.code}`;
}

/**
 * Type errors after the change that the baseline did not have. An error matches a baseline error
 * with the same file, code and message even when its line moved (the CLI added lines above it).
 */
export function newTypeErrors(before: readonly TscError[], after: readonly TscError[]): string[] {
  const unmatched = new Map<string, number>();
  const identity = (error: TscError): string => `${error.file}\u0000${error.code}\u0000${error.message}`;
  for (const error of before) {
    unmatched.set(identity(error), (unmatched.get(identity(error)) ?? 0) + 1);
  }
  const fresh: string[] = [];
  for (const error of after) {
    const left = unmatched.get(identity(error)) ?? 0;
    if (left > 0) {
      unmatched.set(identity(error), left - 1);
    } else {
      fresh.push(`${tscErrorKey(error)} ${error.message}`);
    }
  }
  return fresh;
}

/**
 * Reads `tsc --noEmit` output (`--pretty false`): `file(line,col): error TSxxxx: message`, paths
 * relative to the project. Continuation lines of a message are joined to it.
 */
export function parseTscOutput(output: string): TscError[] {
  const errors: TscError[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(line);
    if (match) {
      errors.push({ file: (match[1] ?? '').replace(/\\/g, '/'), line: Number(match[2]), code: match[3] ?? '', message: match[4] ?? '' });
    } else if (/^error (TS\d+): /.test(line)) {
      const code = /^error (TS\d+): (.*)$/.exec(line);
      errors.push({ file: '(project)', line: 0, code: code?.[1] ?? '', message: code?.[2] ?? '' });
    }
  }
  return errors;
}
