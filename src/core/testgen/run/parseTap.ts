import { parse as parseYaml } from 'yaml';
import type { TestCaseResult } from './runResult';
import { summarizeError } from './summarizeError';

/** What Node's TAP reporter says about one test file. */
export interface TapReport {
  readonly tests: readonly TestCaseResult[];
  /** Set when the file itself failed (it did not load, a hook threw) rather than a test in it. */
  readonly fileError?: string;
}

interface Diagnostics {
  readonly fields: Map<string, string>;
  readonly end: number;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Reads the YAML block (`---` … `...`) after a test line with a YAML parser; top-level values as text. */
function readDiagnostics(lines: readonly string[], start: number): Diagnostics {
  const fields = new Map<string, string>();
  if ((lines[start] ?? '').trim() !== '---') {
    return { fields, end: start };
  }
  const indent = indentOf(lines[start] ?? '');
  let index = start + 1;
  const block: string[] = [];
  while (index < lines.length && (lines[index] ?? '').trim() !== '...') {
    block.push((lines[index] ?? '').slice(indent));
    index += 1;
  }
  let data: unknown;
  try {
    data = parseYaml(block.join('\n'));
  } catch {
    data = undefined;
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      fields.set(key, typeof value === 'string' ? value.replace(/\n$/, '') : JSON.stringify(value));
    }
  }
  return { fields, end: index };
}

function errorText(fields: Map<string, string>): string {
  const name = fields.get('name');
  const message = fields.get('error') ?? 'failed';
  const stack = (fields.get('stack') ?? '').split('\n').filter((line) => line !== '').map((line) => `    at ${line}`);
  return [`${name ? `${name}: ` : ''}${message}`, ...stack].join('\n');
}

/** The child's stderr, which Node prints as TAP comments, from its first `…Error` line on. */
function loadError(diagnostics: readonly string[]): string | undefined {
  const start = diagnostics.findIndex((line) => /^\w*Error\b/.test(line));
  return start < 0 ? undefined : diagnostics.slice(start).join('\n');
}

/**
 * Parses Node's `--test-reporter=tap` output for a run of one test file (`testFile` root-relative):
 * nested `# Subtest:` names become the full title; suites are not reported as tests.
 */
export function parseTap(text: string, testFile: string): TapReport {
  const lines = text.split(/\r?\n/);
  const ancestors: string[] = [];
  const tests: TestCaseResult[] = [];
  const diagnostics: string[] = [];
  let fileError: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const depth = Math.floor(indentOf(line) / 4);
    if (depth === 0 && line.startsWith('# ') && !line.startsWith('# Subtest:') && tests.length === 0 && fileError === undefined) {
      diagnostics.push(line.slice(2));
    }
    const subtest = /^\s*# Subtest: (.*)$/.exec(line);
    if (subtest) {
      ancestors.length = depth;
      ancestors[depth] = subtest[1] ?? '';
      continue;
    }
    const result = /^\s*(ok|not ok) \d+ - (.*?)(?: # (SKIP|TODO)\b.*)?$/.exec(line);
    if (!result) {
      continue;
    }
    const { fields, end } = readDiagnostics(lines, index + 1);
    index = end;
    const title = result[2] ?? '';
    const failed = result[1] === 'not ok';
    const isFile = depth === 0 && title.replace(/\\/g, '/').endsWith(testFile);
    if (fields.get('type') === 'suite' || isFile) {
      const hookOrLoadFailure = failed && fields.get('failureType') !== 'subtestsFailed';
      if (hookOrLoadFailure) {
        fileError = summarizeError(loadError(diagnostics) ?? errorText(fields));
      }
      continue;
    }
    const status: TestCaseResult['status'] = result[3] ? 'skipped' : failed ? 'failed' : 'passed';
    const duration = Number(fields.get('duration_ms'));
    const errorName = fields.get('name');
    tests.push({
      title,
      fullTitle: [...ancestors.slice(0, depth), title].join(' '),
      status,
      ...(status === 'failed' ? { error: summarizeError(errorText(fields)) } : {}),
      ...(status === 'failed' && errorName ? { errorName } : {}),
      ...(Number.isFinite(duration) ? { durationMs: Math.round(duration) } : {}),
    });
  }
  return fileError === undefined ? { tests } : { tests, fileError };
}
