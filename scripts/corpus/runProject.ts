import { readFileSync, rmSync } from 'node:fs';
import { compactSuites, compareOldTests, newTypeErrors, summarizeGeneratedTests } from './compare';
import { errorLine, isClean } from './format';
import { diffSnapshots, snapshotTree } from './snapshot';
import { applySpecs, runSuites, runTsc, type Timeouts } from './steps';
import { testCommands } from './testCommands';
import { applyGenerateTests, summarizeTestgen } from './testgen';
import type { CorpusEntry, ProjectResult, SpecApplication } from './types';
import { exportProject, installCommand, installRoot, outputTail, readManifest, reinstallCommand, runShell, type Workspace } from './workspace';

/** What one project run needs besides its entry. */
export interface RunOptions {
  readonly cli: string;
  readonly cliCommit?: string;
  readonly specs: readonly string[];
  readonly mirrorRoot: string;
  readonly nodeReporter: string;
  readonly timeouts: Timeouts;
  /** Keep the temp dir (its path is logged). */
  readonly keep: boolean;
  readonly log: (line: string) => void;
}

/**
 * Runs the corpus procedure on one project: export, install, baseline (tsc, tests), the specs
 * with --write, tsc and tests again, the specs again (the tree must not change). Never throws
 * for the project's own failures: they become `failure` in the result.
 */
export async function runProject(entry: CorpusEntry, options: RunOptions): Promise<ProjectResult> {
  const started = Date.now();
  const head = { id: entry.id, repo: entry.repo, commit: entry.commit, framework: entry.framework, cli: options.cli, ...(options.cliCommit === undefined ? {} : { cliCommit: options.cliCommit }), date: new Date().toISOString() };
  const elapsed = (): number => Math.round((Date.now() - started) / 1000);
  const failed = (stage: string, reason: string, rest: Partial<ProjectResult> = {}): ProjectResult => ({
    ...head,
    seconds: elapsed(),
    failure: { stage, reason },
    specs: [],
    newTypeErrors: [],
    clean: false,
    ...rest,
  });
  let workspace: Workspace;
  try {
    workspace = exportProject(entry, options.mirrorRoot);
  } catch (error) {
    return failed('export', error instanceof Error ? error.message : String(error));
  }
  options.log(`  ${entry.id}: exported to ${workspace.base}`);
  try {
    return await runIn(workspace, entry, options, head, started, failed);
  } finally {
    if (!options.keep) {
      rmSync(workspace.base, { recursive: true, force: true });
    }
  }
}

type Head = Pick<ProjectResult, 'id' | 'repo' | 'commit' | 'framework' | 'cli' | 'cliCommit' | 'date'>;
type Failed = (stage: string, reason: string, rest?: Partial<ProjectResult>) => ProjectResult;

async function runIn(workspace: Workspace, entry: CorpusEntry, options: RunOptions, head: Head, started: number, failed: Failed): Promise<ProjectResult> {
  const env = entry.env ?? {};
  const root = installRoot(workspace);
  const install = entry.install ?? installCommand(root);
  options.log(`  ${entry.id}: ${install}`);
  const installed = await runShell(install, entry.install === undefined ? root : workspace.repoDir, options.timeouts.install, env);
  const installInfo = { command: install, seconds: Math.round(installed.durationMs / 1000) };
  if (installed.kind !== 'exited' || installed.exitCode !== 0) {
    const why = installed.kind === 'timeout' ? `did not finish within ${options.timeouts.install / 1000} s` : `exited with ${installed.exitCode}`;
    return failed('install', `${install} ${why}: ${errorLine(installed.output)}`, { install: { ...installInfo, outputTail: outputTail(installed.output) } });
  }
  const manifestPath = `${workspace.projectDir}/package.json`;
  const commands = testCommands(entry, readManifest(workspace.projectDir));
  options.log(`  ${entry.id}: baseline (tsc, ${commands.map((c) => c.suite).join(', ') || 'no test command'})`);
  const baseline = { tsc: await runTsc(workspace, options.timeouts, env, entry.typecheck), suites: await runSuites(workspace, commands, 'baseline', options.timeouts, env, options.nodeReporter) };
  if (!baseline.tsc.ran && baseline.tsc.problem !== undefined) {
    // No type check (e.g. TypeScript not installed): go on, the CLI's own sentence says whether it supports the project.
    options.log(`  ${entry.id}: ${baseline.tsc.problem}`);
  }
  const manifestBefore = readOptional(manifestPath);
  options.log(`  ${entry.id}: applying ${options.specs.length} specs`);
  const specs = await applySpecs(workspace, options.cli, options.specs, options.timeouts, env);
  const testgenEntry = entry.generateTests;
  if (testgenEntry !== undefined) {
    options.log(`  ${entry.id}: Generate Tests on ${testgenEntry.target}`);
  }
  const testgen = testgenEntry === undefined ? undefined : await applyGenerateTests(workspace, options.cli, testgenEntry, options.timeouts, env);
  let reinstalled: string | undefined;
  if (readOptional(manifestPath) !== manifestBefore) {
    // The CLI added a dependency (it says so in a note); the user runs the package manager next.
    reinstalled = reinstallCommand(install);
    options.log(`  ${entry.id}: package.json changed; ${reinstalled}`);
    await runShell(reinstalled, root, options.timeouts.install, env);
  }
  options.log(`  ${entry.id}: tsc and tests after the change`);
  const after = { tsc: await runTsc(workspace, options.timeouts, env, entry.typecheck), suites: await runSuites(workspace, commands, 'after', options.timeouts, env, options.nodeReporter) };
  const changedFiles = [...new Set(specs.flatMap((spec) => spec.changedFiles))].sort();
  options.log(`  ${entry.id}: applying the specs again`);
  const beforeRerun = snapshotTree(workspace.repoDir);
  const again = await applySpecs(workspace, options.cli, options.specs, options.timeouts, env);
  const testgenAgain = testgenEntry === undefined ? undefined : await applyGenerateTests(workspace, options.cli, testgenEntry, options.timeouts, env);
  const rerunChanged = diffSnapshots(beforeRerun, snapshotTree(workspace.repoDir));
  const fresh = newTypeErrors(baseline.tsc.errors, after.tsc.errors);
  const testgenSummary = testgen === undefined ? undefined : { ...summarizeTestgen(testgen, fresh, baseline.suites, after.suites), rerunExitCode: testgenAgain?.exitCode ?? null };
  const result: ProjectResult = {
    ...head,
    seconds: Math.round((Date.now() - started) / 1000),
    install: { ...installInfo, ...(reinstalled === undefined ? {} : { reinstalled }) },
    baseline,
    specs,
    after,
    newTypeErrors: fresh,
    oldTests: compareOldTests(baseline.suites, after.suites),
    generatedTests: summarizeGeneratedTests(baseline.suites, after.suites, changedFiles),
    ...(testgenSummary === undefined ? {} : { testgen: testgenSummary }),
    rerun: { unchanged: rerunChanged.length === 0, changedFiles: rerunChanged, exitCodes: again.map((a: SpecApplication) => a.exitCode) },
    clean: false,
  };
  return {
    ...result,
    baseline: { ...baseline, suites: compactSuites(baseline.suites) },
    after: { ...after, suites: compactSuites(after.suites) },
    clean: isClean(result),
  };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
