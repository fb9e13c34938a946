import { join, relative } from 'node:path';
import { FakeLlmServer } from '../../test/support/fakeLlmServer';
import { summarizeGeneratedTests } from './compare';
import { diffSnapshots, snapshotTree } from './snapshot';
import { refusalReason, type Timeouts } from './steps';
import type { GenerateTestsEntry, SuiteRun, TestgenApplication, TestgenSummary } from './types';
import { runShell, type Workspace } from './workspace';

/**
 * The scripted model's answer for Generate Tests, in the format the tests command asks for: the
 * JSON of the cases, the extra imports in a ```ts imports block, then one ```ts cN block per case.
 */
export function scriptedTestPlan(entry: GenerateTestsEntry): string {
  const ids = entry.cases.map((_, index) => `c${index + 1}`);
  const json = { cases: entry.cases.map((c, index) => ({ id: ids[index] ?? '', title: c.title, checks: c.title })) };
  const imports = entry.imports === undefined || entry.imports.trim() === '' ? '' : `\`\`\`ts imports\n${entry.imports.trim()}\n\`\`\`\n`;
  const blocks = entry.cases.map((c, index) => `\`\`\`ts ${ids[index] ?? ''}\n${c.code.trim()}\n\`\`\``).join('\n');
  return `\`\`\`json\n${JSON.stringify(json)}\n\`\`\`\n${imports}${blocks}\n`;
}

/** What the tests command printed on stderr: its counts, the conventions it followed, why nothing was kept. */
export interface TestsOutput {
  readonly counts?: TestgenApplication['counts'];
  readonly conventions: readonly string[];
  /** Set when the command kept nothing: the sentence and the dropped cases with their reasons. */
  readonly noneKept?: string;
}

/** Reads the tests command's stderr (see printSummary in src/cli/testsCli.ts). */
export function parseTestsOutput(stderr: string): TestsOutput {
  const lines = stderr.split('\n').map((line) => line.trim());
  const summary = lines.map((line) => /(\d+) generated, (\d+) compiled, (\d+) passed, (\d+) kept/.exec(line)).find((m) => m !== null);
  const counts = summary ? { generated: Number(summary[1]), compiled: Number(summary[2]), passed: Number(summary[3]), kept: Number(summary[4]) } : undefined;
  const conventions = lines.filter((line) => line.startsWith('follows the project: ')).map((line) => line.slice('follows the project: '.length));
  const none = lines.find((line) => line.startsWith('No generated test both compiled and passed twice'));
  const dropped = lines.filter((line) => line.startsWith('dropped "') || line.startsWith('possible bug — '));
  return {
    ...(counts === undefined ? {} : { counts }),
    conventions,
    ...(none === undefined ? {} : { noneKept: [none, ...dropped.slice(0, 3)].join(' ').slice(0, 400) }),
  };
}

/**
 * Runs `routecraft tests FILE:SYMBOL --project DIR --write` with a scripted model (the real fake
 * LLM server of test/support, reached through the CLI's own openai client) answering `entry.cases`.
 */
export async function applyGenerateTests(
  workspace: Workspace,
  cli: string,
  entry: GenerateTestsEntry,
  timeouts: Timeouts,
  env: Readonly<Record<string, string>>,
): Promise<TestgenApplication> {
  const answer = scriptedTestPlan(entry);
  const llm = await FakeLlmServer.start({ responder: () => ({ kind: 'text', text: answer }) });
  try {
    const before = snapshotTree(workspace.repoDir);
    const target = join(workspace.projectDir, entry.target);
    const command = `node ${JSON.stringify(cli)} tests ${JSON.stringify(target)} --project ${JSON.stringify(workspace.projectDir)} --write --timeout-run 180`;
    // The response cache goes to the run's temp dir, never into the project or the user's cache.
    const llmEnv = { ...env, OPENAI_BASE_URL: llm.baseUrl, OPENAI_API_KEY: 'corpus', ROUTECRAFT_CACHE_DIR: join(workspace.base, 'llm-cache') };
    const outcome = await runShell(command, workspace.projectDir, timeouts.cli, llmEnv);
    const changedFiles = diffSnapshots(before, snapshotTree(workspace.repoDir)).map((path) => relative(workspace.projectDir, join(workspace.repoDir, path)).replace(/\\/g, '/'));
    const parsed = parseTestsOutput(outcome.output);
    const exited = outcome.kind === 'exited' && outcome.exitCode === 0;
    const applied = exited && changedFiles.length > 0;
    const reason = applied
      ? undefined
      : outcome.kind === 'timeout'
        ? `The CLI did not finish within ${timeouts.cli / 1000} s.`
        : exited
          ? (parsed.noneKept ?? 'exit 0 but no file was written')
          : refusalReason(outcome.output);
    return {
      target: entry.target,
      exitCode: outcome.exitCode,
      applied,
      ...(reason === undefined ? {} : { reason }),
      ...(parsed.counts === undefined ? {} : { counts: parsed.counts }),
      changedFiles,
      conventions: parsed.conventions,
      seconds: Math.round(outcome.durationMs / 100) / 10,
    };
  } finally {
    await llm.close();
  }
}

/**
 * Generate Tests judged like the specs: the written file's new type errors (from the run's list of
 * new errors, `file(line): TSxxxx message`) and its new tests in the project's own test commands.
 */
export function summarizeTestgen(application: TestgenApplication, newTypeErrors: readonly string[], before: readonly SuiteRun[], after: readonly SuiteRun[]): TestgenSummary {
  const files = new Set(application.changedFiles);
  const typeErrors = newTypeErrors.filter((error) => files.has(error.replace(/\(\d+\): .*$/s, '')));
  return {
    application,
    typeErrors,
    ...(application.applied ? { tests: summarizeGeneratedTests(before, after, application.changedFiles) } : {}),
  };
}

/** Why Generate Tests is not clean in a row; empty when it is. */
export function testgenProblems(testgen: TestgenSummary | undefined): string[] {
  if (testgen === undefined) {
    return [];
  }
  const { application, typeErrors, tests } = testgen;
  if (!application.applied) {
    return [`Generate Tests on ${application.target} wrote nothing: ${application.reason ?? `exit ${application.exitCode}`}`];
  }
  const found: string[] = [];
  if (typeErrors.length > 0) {
    found.push(`Generate Tests: ${typeErrors.length} type error(s) in its file, first: ${typeErrors[0] ?? ''}`);
  }
  if (tests !== undefined && tests.notRun.length > 0) {
    found.push(`Generate Tests: ${tests.notRun.join(', ')} not run by the project's test commands`);
  } else if (tests !== undefined && tests.failed > 0) {
    found.push(`Generate Tests: ${tests.failed} kept test(s) fail in the project's runner, first: ${tests.failures[0] ?? ''}`);
  } else if (tests !== undefined && tests.passed === 0) {
    found.push("Generate Tests: none of its tests ran in the project's runner");
  }
  if (testgen.rerunExitCode !== undefined && testgen.rerunExitCode !== 0) {
    found.push(`Generate Tests: the second application exited with ${testgen.rerunExitCode}`);
  }
  return found;
}

/** The table cell: `kept/generated kept, P pass / F fail` (in the project's runner), or `—`. */
export function testgenCell(testgen: TestgenSummary | undefined): string {
  if (testgen === undefined) {
    return '—';
  }
  const { application, tests } = testgen;
  const counts = application.counts === undefined ? '' : `${application.counts.kept}/${application.counts.generated} kept`;
  if (!application.applied || tests === undefined) {
    return counts === '' ? 'refused' : `${counts}, none written`;
  }
  return `${counts}, ${tests.passed} pass / ${tests.failed} fail`;
}
