import { z } from 'zod';
import type { TestCaseResult } from './runResult';
import { errorNameOf, summarizeError } from './summarizeError';

const MochaTestSchema = z.object({
  title: z.string(),
  fullTitle: z.string(),
  file: z.string().optional(),
  duration: z.number().optional(),
  err: z.object({ message: z.string().optional(), stack: z.string().optional() }).optional(),
});

/** Mocha's `json` reporter output. */
const MochaReportSchema = z.object({
  passes: z.array(MochaTestSchema),
  failures: z.array(MochaTestSchema),
  pending: z.array(MochaTestSchema),
});

type MochaTest = z.infer<typeof MochaTestSchema>;

/** What mocha's report says about one file. */
export interface MochaFileReport {
  readonly tests: readonly TestCaseResult[];
  readonly fileError?: string;
}

function inFile(test: MochaTest, testFile: string): boolean {
  return test.file === undefined || test.file.replace(/\\/g, '/').endsWith(`/${testFile}`);
}

function toResult(test: MochaTest, status: TestCaseResult['status']): TestCaseResult {
  const text = test.err?.stack ?? test.err?.message ?? 'failed';
  const errorName = status === 'failed' ? errorNameOf(text) : undefined;
  return {
    title: test.title,
    fullTitle: test.fullTitle,
    status,
    ...(status === 'failed' ? { error: summarizeError(text) } : {}),
    ...(errorName ? { errorName } : {}),
    ...(test.duration !== undefined ? { durationMs: test.duration } : {}),
  };
}

/**
 * Reads mocha's `--reporter json` output, keeping the tests of `testFile` (the project's config may add
 * other spec files to the run). A failing hook becomes the file error. Undefined when not a report.
 */
export function parseMochaJson(text: string, testFile: string): MochaFileReport | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const report = MochaReportSchema.safeParse(json);
  if (!report.success) {
    return undefined;
  }
  const isHook = (test: MochaTest): boolean => /"(before|after) (all|each)" hook/.test(test.title);
  const failures = report.data.failures.filter((test) => inFile(test, testFile));
  const hook = failures.find(isHook);
  const tests = [
    ...report.data.passes.filter((test) => inFile(test, testFile)).map((test) => toResult(test, 'passed')),
    ...failures.filter((test) => !isHook(test)).map((test) => toResult(test, 'failed')),
    ...report.data.pending.filter((test) => inFile(test, testFile)).map((test) => toResult(test, 'skipped')),
  ];
  return hook ? { tests, fileError: toResult(hook, 'failed').error ?? 'a hook failed' } : { tests };
}
