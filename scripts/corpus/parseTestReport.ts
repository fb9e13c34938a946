import { isAbsolute, relative } from 'node:path';
import { z } from 'zod';
import type { RunnerName, TestRecord, TestStatus } from './types';

/** Joins suite titles and the test title in a test's name. */
export const NAME_SEPARATOR = ' › ';

/** A file path from a report, relative to the project and in POSIX form. */
export function projectRelative(projectDir: string, file: string): string {
  const path = file.replace(/^file:\/\//, '');
  const rel = isAbsolute(path) ? relative(projectDir, path) : path;
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

function firstLine(text: string | undefined): string | undefined {
  const line = text
    ?.replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line === undefined ? undefined : line.slice(0, 300);
}

const JestAssertionSchema = z.object({
  ancestorTitles: z.array(z.string()).nullish(),
  title: z.string(),
  status: z.string(),
  failureMessages: z.array(z.string()).nullish(),
});

const JestReportSchema = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string().nullish(),
      message: z.string().nullish(),
      assertionResults: z.array(JestAssertionSchema).nullish(),
    }),
  ),
});

function jestStatus(status: string): TestStatus {
  switch (status) {
    case 'passed':
      return 'passed';
    case 'failed':
      return 'failed';
    case 'todo':
      return 'todo';
    default:
      return 'skipped';
  }
}

/**
 * Reads a jest `--json` report or vitest's `--reporter=json` one (the same shape). A file that failed
 * without any test result (it did not compile, a hook threw) becomes one failed record named
 * "(file failed to run)". Undefined when the text is not such a report.
 */
export function parseJestReport(text: string, projectDir: string): TestRecord[] | undefined {
  const report = JestReportSchema.safeParse(parseJson(text));
  if (!report.success) {
    return undefined;
  }
  const records: TestRecord[] = [];
  for (const file of report.data.testResults) {
    const path = projectRelative(projectDir, file.name);
    const assertions = file.assertionResults ?? [];
    for (const assertion of assertions) {
      const status = jestStatus(assertion.status);
      const error = status === 'failed' ? firstLine((assertion.failureMessages ?? []).join('\n')) : undefined;
      records.push({
        file: path,
        name: [...(assertion.ancestorTitles ?? []), assertion.title].join(NAME_SEPARATOR),
        status,
        ...(error === undefined ? {} : { error }),
      });
    }
    const fileFailed = file.status === 'failed' && !assertions.some((a) => a.status === 'failed');
    if (fileFailed) {
      records.push({ file: path, name: '(file failed to run)', status: 'failed', error: firstLine(file.message ?? undefined) ?? 'the file failed' });
    }
  }
  return records;
}

const MochaTestSchema = z.object({
  title: z.string(),
  fullTitle: z.string(),
  file: z.string().optional(),
  err: z.object({ message: z.string().optional() }).loose().optional(),
});

const MochaReportSchema = z.object({
  passes: z.array(MochaTestSchema),
  failures: z.array(MochaTestSchema),
  pending: z.array(MochaTestSchema),
});

/**
 * Reads mocha's `json` reporter output. Pending tests count as todo (a pending test is how a mocha
 * project marks work still to do); a failed hook is kept as a failed record under its own title.
 * Text before the JSON (a project's console output on stdout) is skipped.
 */
export function parseMochaReport(text: string, projectDir: string): TestRecord[] | undefined {
  const report = MochaReportSchema.safeParse(parseJson(text));
  if (!report.success) {
    return undefined;
  }
  type MochaTest = z.infer<typeof MochaTestSchema>;
  const toRecord = (test: MochaTest, status: TestStatus): TestRecord => {
    const error = status === 'failed' ? firstLine(test.err?.message) ?? 'failed' : undefined;
    return { file: projectRelative(projectDir, test.file ?? '(unknown file)'), name: test.fullTitle, status, ...(error === undefined ? {} : { error }) };
  };
  return [
    ...report.data.passes.map((test) => toRecord(test, 'passed')),
    ...report.data.failures.map((test) => toRecord(test, 'failed')),
    ...report.data.pending.map((test) => toRecord(test, 'todo')),
  ];
}

const NodeEventSchema = z.object({
  type: z.enum(['test:start', 'test:pass', 'test:fail']),
  name: z.string(),
  nesting: z.number().int().min(0),
  file: z.string().optional(),
  todo: z.boolean().optional(),
  skip: z.boolean().optional(),
  suite: z.boolean().optional(),
  failureType: z.string().optional(),
  error: z.string().optional(),
});

/**
 * Reads the JSON lines of scripts/corpus/nodeTestReporter.mjs (node:test events). Names come from
 * the `test:start` nesting per file; suites are not tests, except a suite that failed by itself
 * (a hook), which becomes a failed record. A file that failed to load is one failed record.
 */
export function parseNodeTestEvents(text: string, projectDir: string): TestRecord[] | undefined {
  const stacks = new Map<string, string[]>();
  const records: TestRecord[] = [];
  let sawEvent = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    const event = NodeEventSchema.safeParse(parseJson(line));
    if (!event.success) {
      continue;
    }
    sawEvent = true;
    const { type, name, nesting, todo, skip, suite, failureType, error } = event.data;
    const file = event.data.file === undefined ? '(unknown file)' : projectRelative(projectDir, event.data.file);
    const stack = stacks.get(file) ?? [];
    stacks.set(file, stack);
    if (type === 'test:start') {
      stack.length = nesting;
      stack[nesting] = name;
      continue;
    }
    const isFileItself = nesting === 0 && event.data.file !== undefined && name === event.data.file;
    const fullName = isFileItself ? '(file failed to run)' : [...stack.slice(0, nesting), name].join(NAME_SEPARATOR);
    if (suite === true && (type === 'test:pass' || failureType === 'subtestsFailed')) {
      continue;
    }
    if (isFileItself && type === 'test:pass') {
      continue;
    }
    const status: TestStatus = todo === true ? 'todo' : skip === true ? 'skipped' : type === 'test:pass' ? 'passed' : 'failed';
    const message = status === 'failed' ? firstLine(error) ?? 'failed' : undefined;
    records.push({ file, name: fullName, status, ...(message === undefined ? {} : { error: message }) });
  }
  return sawEvent || text.trim() === '' ? records : undefined;
}

/** Parses the report a runner wrote; undefined when it is not readable. */
export function parseTestReport(runner: RunnerName, text: string, projectDir: string): TestRecord[] | undefined {
  switch (runner) {
    case 'jest':
    case 'vitest':
      return parseJestReport(text, projectDir);
    case 'mocha':
      return parseMochaReport(text, projectDir);
    case 'node:test':
      return parseNodeTestEvents(text, projectDir);
  }
}

/** JSON.parse that skips anything before the first line starting with `{`; undefined when none parses. */
function parseJson(text: string): unknown {
  const start = text.startsWith('{') ? 0 : text.indexOf('\n{') + 1;
  if (start < 0 || (start === 0 && !text.startsWith('{'))) {
    return undefined;
  }
  try {
    return JSON.parse(text.slice(start)) as unknown;
  } catch {
    return undefined;
  }
}
