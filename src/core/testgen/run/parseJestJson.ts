import { z } from 'zod';
import type { TestCaseResult } from './runResult';
import { errorNameOf, summarizeError } from './summarizeError';

const AssertionSchema = z.object({
  ancestorTitles: z.array(z.string()).default([]),
  title: z.string(),
  fullName: z.string().optional(),
  status: z.string(),
  duration: z.number().nullish(),
  failureMessages: z.array(z.string()).nullish(),
});

/** The `--json` report shape jest writes and vitest's `json` reporter copies. */
const JestReportSchema = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      message: z.string().nullish(),
      assertionResults: z.array(AssertionSchema).default([]),
    }),
  ),
});

/** What a jest-shaped report says about one test file. */
export interface JestFileReport {
  readonly tests: readonly TestCaseResult[];
  /** The file-level failure (compile error, import error) when no test ran. */
  readonly fileError?: string;
}

function toStatus(status: string): TestCaseResult['status'] {
  if (status === 'passed') {
    return 'passed';
  }
  return status === 'failed' ? 'failed' : 'skipped';
}

/**
 * Reads a jest `--json` or vitest `--reporter=json` report, keeping only the results of the file
 * whose path ends with `testFile` (root-relative POSIX). Undefined when the text is not such a report.
 */
export function parseJestJson(text: string, testFile: string): JestFileReport | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const report = JestReportSchema.safeParse(json);
  if (!report.success) {
    return undefined;
  }
  const file = report.data.testResults.find((result) => result.name.replace(/\\/g, '/').endsWith(`/${testFile}`));
  if (!file) {
    return { tests: [], fileError: 'The runner did not report the test file.' };
  }
  const tests = file.assertionResults.map((result): TestCaseResult => {
    const failure = (result.failureMessages ?? []).join('\n');
    const status = toStatus(result.status);
    const errorName = status === 'failed' ? errorNameOf(failure) : undefined;
    return {
      title: result.title,
      fullTitle: result.fullName ?? [...result.ancestorTitles, result.title].join(' '),
      status,
      ...(status === 'failed' ? { error: summarizeError(failure) } : {}),
      ...(errorName ? { errorName } : {}),
      ...(typeof result.duration === 'number' ? { durationMs: Math.round(result.duration) } : {}),
    };
  });
  const message = file.message?.trim();
  return tests.length === 0 && message ? { tests, fileError: summarizeError(message) } : { tests };
}
