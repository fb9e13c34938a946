import { relative, resolve } from 'node:path';
import { applyChangeSet } from '../core/changes/applyChangeSet';
import { changeSetDiff } from '../core/changes/unifiedDiff';
import { RoutecraftError } from '../core/errors';
import type { TestRunnerName } from '../core/project/projectFacts';
import { formatSummary, generateTests, type TestsSummary } from '../core/testgen/generateTests';
import { cliLlm, llmPathHelp, projectRootOf, type LlmPathFlags } from './cliLlm';
import { llmSettingsFrom, number, type LlmFlags } from './cliSettings';
import { cliLogger } from './cliLogger';
import type { CliIo } from './io';

export const testsHelp = `Usage: routecraft tests FILE[:SYMBOL] [options]

Writes tests for a function, method, class or route handler with your LLM, in the project's own
runner (vitest, jest, mocha, node:test), then RUNS them (twice, in a temporary copy of the project)
and keeps only the ones that compile and pass both times. Prints the diff and a summary:
generated / compiled / passed / kept (and coverage before → after when the project has a tool).
  FILE           the first exported function or class of the file
  FILE:SYMBOL    a named function, class, or Class.method

Options:
  --project DIR        the project root (default: the nearest folder with package.json)
  --write              add the kept tests to the project (refused if the test file changed meanwhile)
  --test-runner NAME   when detection is unsure: vitest, jest, mocha, node:test
  --timeout-run S      seconds one run of the new tests may take (default 60)
  --coverage           also measure the target's coverage before and after
  --base-url, --model, --timeout, --max-retries, --temperature   the LLM (see "routecraft explain --help")
${llmPathHelp}
Exit codes: 0 tests kept (or none kept: see the summary), 1 failed, 2 bad usage, 130 interrupted.`;

export interface TestsFlags extends LlmFlags, LlmPathFlags {
  readonly project?: string;
  readonly write?: boolean;
  readonly 'test-runner'?: string;
  readonly 'timeout-run'?: string;
  readonly coverage?: boolean;
  readonly verbose?: boolean;
}

const RUNNERS: readonly TestRunnerName[] = ['vitest', 'jest', 'mocha', 'node:test'];

/** `routecraft tests`: prints the diff of the kept tests and the summary; --write applies it. */
export async function runTests(target: string, flags: TestsFlags, io: CliIo): Promise<number> {
  const match = /^(.+?)(?::([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?))?$/.exec(target);
  if (!match?.[1]) {
    throw new RoutecraftError('invalid-input', `Expected FILE[:SYMBOL], got "${target}".`);
  }
  const runner = flags['test-runner'];
  if (runner !== undefined && !RUNNERS.includes(runner as TestRunnerName)) {
    throw new RoutecraftError('invalid-input', `--test-runner takes one of ${RUNNERS.join(', ')}, not "${runner}".`);
  }
  const file = resolve(io.cwd, match[1]);
  const root = flags.project ? resolve(io.cwd, flags.project) : projectRootOf(file, io.cwd);
  const logger = cliLogger(io, flags.verbose);
  const llm = cliLlm(llmSettingsFrom(flags, io.env), flags, io, logger);
  try {
    const result = await generateTests({
      root,
      target: { file: relative(root, file).replace(/\\/g, '/'), ...(match[2] ? { symbol: match[2] } : {}) },
      llm: llm.client,
      testRunner: runner as TestRunnerName | undefined,
      timeoutMs: flags['timeout-run'] === undefined ? undefined : number('--timeout-run', flags['timeout-run'], 1, 3600) * 1000,
      coverage: flags.coverage === true,
      signal: io.signal,
      command: 'cli tests',
      onProgress: (m) => flags.verbose && io.stderr.write(`${m}\n`),
    });
    switch (result.kind) {
      case 'needs-input':
        io.stderr.write(`routecraft: ${result.message}\nNothing was written.\n`);
        return 2;
      case 'cancelled':
        io.stderr.write('Cancelled. Nothing was written.\n');
        return 130;
      case 'failed':
        io.stderr.write(`routecraft: ${result.error.message}\nNothing was written.\n`);
        return 1;
      case 'invalid':
        io.stderr.write(`routecraft: the model's answer could not be used; nothing was written:\n${result.issues.map((i) => `  - ${i}`).join('\n')}\n`);
        return 1;
      case 'none-kept':
        printSummary(result.summary, io);
        io.stderr.write('No generated test both compiled and passed twice; nothing to add.\n');
        return 0;
      case 'ok':
        io.stdout.write(changeSetDiff(result.changeSet));
        printSummary(result.summary, io);
        if (flags.write) {
          const written = await applyChangeSet(result.changeSet, { checkStale: true });
          io.stderr.write(`Wrote ${written.join(', ')}.\n`);
        } else {
          io.stderr.write('Review the diff above; run again with --write to add the tests.\n');
        }
        return 0;
    }
  } finally {
    io.stderr.write(`${llm.usage.summaryLine()}\n`);
    await llm.close();
  }
}

function printSummary(summary: TestsSummary, io: CliIo): void {
  io.stderr.write(`${formatSummary(summary)}\n`);
  for (const d of summary.dropped) {
    io.stderr.write(`  dropped "${d.title}": ${d.reason}\n`);
  }
  for (const b of summary.suspectedBugs) {
    io.stderr.write(`  possible bug — "${b.title}" fails: ${b.error.split('\n')[0] ?? ''}\n`);
  }
  if (summary.coverageNote) {
    io.stderr.write(`  ${summary.coverageNote}\n`);
  }
  for (const line of summary.conventions ?? []) {
    io.stderr.write(`  follows the project: ${line}\n`);
  }
}
