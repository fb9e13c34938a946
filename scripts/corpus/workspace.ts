import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runProcess, type ProcessOutcome } from '../../src/core/testgen/run/runProcess';
import type { PackageManifest } from './testCommands';
import type { CorpusEntry } from './types';

/** A project exported into a fresh temp dir. */
export interface Workspace {
  /** The temp dir: `repo/` (the export) and `reports/` (runner reports, outside the project). */
  readonly base: string;
  readonly repoDir: string;
  /** The package the specs are applied to (`repo/<subdir>`). */
  readonly projectDir: string;
  readonly reportsDir: string;
}

/** The mirror the search tool's `fetch` creates for a repository. */
export function mirrorOf(mirrorRoot: string, repo: string): string {
  return join(mirrorRoot, repo.replace('/', '+'), 'repo');
}

/**
 * Exports the pinned commit from the mirror into a fresh temp dir; throws with a one-sentence
 * message when the mirror or the commit is missing.
 */
export function exportProject(entry: CorpusEntry, mirrorRoot: string): Workspace {
  const mirror = mirrorOf(mirrorRoot, entry.repo);
  if (!existsSync(mirror)) {
    throw new Error(`No mirror at ${mirror}; fetch github:${entry.repo} with the search tool first.`);
  }
  const base = mkdtempSync(join(tmpdir(), `corpus-${entry.id}-`));
  const repoDir = join(base, 'repo');
  const reportsDir = join(base, 'reports');
  mkdirSync(repoDir);
  mkdirSync(reportsDir);
  const archive = spawnSync('sh', ['-c', `git --git-dir="$1" archive "$2" | tar -x -C "$3"`, 'sh', mirror, entry.commit, repoDir], { encoding: 'utf8' });
  if (archive.status !== 0) {
    throw new Error(`Could not export ${entry.commit.slice(0, 12)} from ${mirror}: ${archive.stderr.trim().split('\n')[0] ?? 'git archive failed'}.`);
  }
  // Some install scripts (husky) expect a git work tree; give them an empty one.
  spawnSync('git', ['init', '-q'], { cwd: repoDir });
  const projectDir = entry.subdir === undefined ? repoDir : join(repoDir, entry.subdir);
  if (!existsSync(projectDir)) {
    throw new Error(`The snapshot has no folder ${entry.subdir ?? '.'}.`);
  }
  return { base, repoDir, projectDir, reportsDir };
}

/** The project's package.json, or an empty manifest when it has none (an Nx package). */
export function readManifest(dir: string): PackageManifest {
  const path = join(dir, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PackageManifest) : {};
}

/** The folder holding the lockfile: the project's own or the nearest one above it inside the repo. */
export function installRoot(workspace: Workspace): string {
  let dir = workspace.projectDir;
  while (dir.startsWith(workspace.repoDir)) {
    if (['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'npm-shrinkwrap.json'].some((file) => existsSync(join(dir, file)))) {
      return dir;
    }
    if (dir === workspace.repoDir) {
      break;
    }
    dir = dirname(dir);
  }
  return workspace.repoDir;
}

/** The install command for a folder, from its lockfile (frozen), or `npm install` without one. */
export function installCommand(dir: string): string {
  if (existsSync(join(dir, 'pnpm-lock.yaml'))) {
    return 'npx --yes pnpm@9 install --frozen-lockfile';
  }
  if (existsSync(join(dir, 'yarn.lock'))) {
    return existsSync(join(dir, '.yarnrc.yml'))
      ? 'npx --yes @yarnpkg/cli-dist install --immutable'
      : 'npx --yes yarn@1 install --frozen-lockfile';
  }
  if (existsSync(join(dir, 'package-lock.json')) || existsSync(join(dir, 'npm-shrinkwrap.json'))) {
    return 'npm ci --no-audit --no-fund';
  }
  return 'npm install --no-audit --no-fund';
}

/** The install command after the CLI changed package.json (the lockfile no longer matches). */
export function reinstallCommand(installCmd: string): string {
  if (installCmd.includes('pnpm')) {
    return 'npx --yes pnpm@9 install --no-frozen-lockfile';
  }
  if (installCmd.includes('yarn')) {
    return installCmd.replace('--frozen-lockfile', '').replace('--immutable', '');
  }
  return 'npm install --no-audit --no-fund';
}

/** Runs a shell command in its own process group, killed with the group at the timeout. */
export function runShell(command: string, cwd: string, timeoutMs: number, env: Readonly<Record<string, string>> = {}): Promise<ProcessOutcome> {
  return runProcess('sh', ['-c', command], { cwd, timeoutMs, env: { HUSKY: '0', ...env }, maxOutputChars: 200_000 });
}

/** The last lines of a command's output, for a result file. */
export function outputTail(output: string, lines = 15): string {
  return output.split('\n').slice(-lines).join('\n');
}
