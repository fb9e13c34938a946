import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseTscOutput } from './compare';
import { parseTestReport } from './parseTestReport';
import { diffSnapshots, snapshotTree } from './snapshot';
import { commandLine, reporterArgs, type TestCommand } from './testCommands';
import type { RunnerName, SpecApplication, SuiteRun, TscRun } from './types';
import { foldersUp, outputTail, runShell, type Workspace } from './workspace';

/** Time limits of one project's steps, in milliseconds. */
export interface Timeouts {
  readonly install: number;
  readonly tsc: number;
  readonly tests: number;
  readonly cli: number;
  /** How long a runner may go on after its report is complete (default LINGER_MS). */
  readonly linger?: number;
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** The project's own tsc (in its node_modules or one above it in the repository); undefined when not installed. */
export function findTsc(workspace: Workspace): string | undefined {
  for (const dir of foldersUp(workspace)) {
    const bin = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    if (existsSync(bin)) {
      return bin;
    }
  }
  return undefined;
}

/** `tsc --noEmit` in the project with its own compiler and tsconfig, or the entry's own command. */
export async function runTsc(workspace: Workspace, timeouts: Timeouts, env: Readonly<Record<string, string>>, custom?: string): Promise<TscRun> {
  const tsc = findTsc(workspace);
  if (custom === undefined && tsc === undefined) {
    return { command: 'tsc --noEmit', ran: false, exitCode: null, seconds: 0, errors: [], problem: 'TypeScript is not installed in the project.' };
  }
  const command = custom ?? `node ${JSON.stringify(tsc ?? "tsc")} --noEmit --pretty false`;
  const outcome = await runShell(command, workspace.projectDir, timeouts.tsc, env);
  const errors = parseTscOutput(outcome.output).map((error) => ({ ...error, file: error.file.replace(/^\.\//, '') }));
  const problem =
    outcome.kind === 'timeout'
      ? `tsc did not finish within ${timeouts.tsc / 1000} s.`
      : outcome.exitCode !== 0 && errors.length === 0
        ? `tsc exited with ${outcome.exitCode} without error lines: ${outputTail(outcome.output, 3)}`
        : undefined;
  return {
    command: custom ?? 'tsc --noEmit',
    ran: outcome.kind === 'exited',
    exitCode: outcome.exitCode,
    seconds: seconds(outcome.durationMs),
    errors,
    ...(problem === undefined ? {} : { problem }),
  };
}

/** Runs each test command with its runner's machine-readable reporter and reads the report. */
export async function runSuites(
  workspace: Workspace,
  commands: readonly TestCommand[],
  phase: string,
  timeouts: Timeouts,
  env: Readonly<Record<string, string>>,
  nodeReporter: string,
): Promise<SuiteRun[]> {
  const runs: SuiteRun[] = [];
  for (const command of commands) {
    if (command.runner === undefined) {
      runs.push({ suite: command.suite, command: command.command, outcome: 'unsupported', exitCode: null, seconds: 0, tests: [] });
      continue;
    }
    const reportFile = join(workspace.reportsDir, `${phase}-${command.suite.replace(/[^\w-]/g, '_')}.${command.runner === 'node:test' ? 'jsonl' : 'json'}`);
    rmSync(reportFile, { force: true });
    const line = commandLine(command, reporterArgs(command.runner, reportFile, nodeReporter));
    // A script run directly (node:test) finds the project's binaries as npm run would.
    const bins = foldersUp(workspace).map((dir) => join(dir, 'node_modules', '.bin'));
    const path = [...bins, process.env.PATH ?? ''].join(':');
    const linger = timeouts.linger ?? LINGER_MS;
    const lingering = stopWhenLingering(reportFile, command.runner, linger);
    const outcome = await runShell(line, workspace.projectDir, timeouts.tests, { PATH: path, ...env }, lingering.signal);
    lingering.dispose();
    const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : command.runner === 'mocha' ? outcome.output : undefined;
    const tests = report === undefined ? undefined : parseTestReport(command.runner, report, workspace.projectDir);
    const base = { suite: command.suite, command: line.split(workspace.base).join('<tmp>'), runner: command.runner, exitCode: outcome.exitCode, seconds: seconds(outcome.durationMs) };
    if (outcome.kind === 'cancelled' && tests !== undefined) {
      // The runner wrote its report and then did not exit (open handles): the tests ran; say so.
      runs.push({ ...base, outcome: 'ran', tests, stoppedAfterReport: linger / 1000, outputTail: outputTail(outcome.output, 4) });
    } else if (outcome.kind === 'timeout') {
      runs.push({ ...base, outcome: 'timeout', tests: tests ?? [], outputTail: outputTail(outcome.output) });
    } else if (tests === undefined) {
      runs.push({ ...base, outcome: 'no-report', tests: [], outputTail: outputTail(outcome.output) });
    } else {
      runs.push({ ...base, outcome: 'ran', tests });
    }
  }
  return runs;
}

/** How long a runner may keep running after its report is complete before the runner stops it. */
export const LINGER_MS = 20_000;

/**
 * Aborts once the report file has existed, unchanged, for `linger` ms: jest in particular writes its
 * report and then waits forever for handles the project's tests left open ("Jest did not exit one
 * second after the test run has completed"). node:test streams its report, so it is not watched.
 */
function stopWhenLingering(reportFile: string, runner: RunnerName, linger: number): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (runner === 'node:test') {
    return { signal: controller.signal, dispose: () => undefined };
  }
  let seen: { size: number; since: number } | undefined;
  const timer = setInterval(() => {
    const size = existsSync(reportFile) ? statSync(reportFile).size : -1;
    if (size <= 0) {
      seen = undefined;
    } else if (seen?.size !== size) {
      seen = { size, since: Date.now() };
    } else if (Date.now() - seen.since >= linger) {
      controller.abort();
    }
  }, 1000);
  return { signal: controller.signal, dispose: () => clearInterval(timer) };
}

/**
 * The CLI's one-sentence reason from its stderr: the first `routecraft: …` line (with the lines of a
 * list that follows it), else the first `…Error` line (a crash), else the last non-empty line.
 */
export function refusalReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const index = lines.findIndex((line) => line.startsWith('routecraft: '));
  if (index < 0) {
    // A crash rather than a refusal: its error line.
    return (lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[lines.length - 1] ?? 'no output').slice(0, 400);
  }
  const head = (lines[index] ?? '').slice('routecraft: '.length);
  const items = lines.slice(index + 1).filter((line, i, all) => line.startsWith('- ') && all.slice(0, i).every((l) => l.startsWith('- ')));
  return [head, ...items.slice(0, 3)].join(' ').slice(0, 400);
}

/** Applies each spec with the CLI (`endpoint --spec F --project DIR --write`), recording what changed. */
export async function applySpecs(
  workspace: Workspace,
  cli: string,
  specs: readonly string[],
  timeouts: Timeouts,
  env: Readonly<Record<string, string>>,
): Promise<SpecApplication[]> {
  const applications: SpecApplication[] = [];
  for (const spec of specs) {
    const before = snapshotTree(workspace.repoDir);
    const command = `node ${JSON.stringify(cli)} endpoint --spec ${JSON.stringify(spec)} --project ${JSON.stringify(workspace.projectDir)} --write`;
    const outcome = await runShell(command, workspace.projectDir, timeouts.cli, env);
    const changed = diffSnapshots(before, snapshotTree(workspace.repoDir)).map((path) =>
      relative(workspace.projectDir, join(workspace.repoDir, path)).replace(/\\/g, '/'),
    );
    const applied = outcome.kind === 'exited' && outcome.exitCode === 0;
    const reason = applied ? undefined : outcome.kind === 'timeout' ? `The CLI did not finish within ${timeouts.cli / 1000} s.` : refusalReason(outcome.output);
    applications.push({
      spec: basename(spec),
      exitCode: outcome.exitCode,
      applied,
      ...(reason === undefined ? {} : { reason }),
      changedFiles: changed,
      seconds: seconds(outcome.durationMs),
    });
  }
  return applications;
}
