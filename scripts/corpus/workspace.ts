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

/** The project's folder and each folder above it up to the repository root (where node_modules may be hoisted). */
export function foldersUp(workspace: Workspace): string[] {
  const folders: string[] = [];
  for (let dir = workspace.projectDir; dir.startsWith(workspace.repoDir); dir = dirname(dir)) {
    folders.push(dir);
    if (dir === workspace.repoDir) {
      break;
    }
  }
  return folders;
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

/** What decides how a folder is installed: its lockfiles and package manager settings. */
export interface InstallFacts {
  /** The first lines of pnpm-lock.yaml (its `lockfileVersion`). */
  readonly pnpmLock?: string;
  readonly yarnLock?: boolean;
  /** `yarnPath` from .yarnrc.yml when the file exists ('' when it has none). */
  readonly yarnrcYarnPath?: string;
  readonly npmLock?: boolean;
  /** package.json's `packageManager` (`pnpm@8.15.4`, `yarn@4.1.0`). */
  readonly packageManager?: string;
}

/** The exact version `packageManager` names (pnpm 10 refuses to switch to it itself here). */
function versionOf(packageManager: string | undefined, name: string): string | undefined {
  return new RegExp(`^${name}@(\\d+(?:\\.[\\w.-]+)?)`).exec(packageManager ?? '')?.[1];
}

/**
 * The frozen install for a folder: pnpm in the version its `packageManager` names (else the one that
 * writes its lockfile version), yarn berry through the repository's own release when it has one,
 * yarn 1, `npm ci`; `npm install` without a lockfile.
 */
export function chooseInstall(facts: InstallFacts): string {
  if (facts.pnpmLock !== undefined) {
    const lockVersion = /lockfileVersion:\s*'?(\d+)/.exec(facts.pnpmLock)?.[1];
    const major = versionOf(facts.packageManager, 'pnpm') ?? (lockVersion === '5' ? '7' : lockVersion === '6' ? '8' : '9');
    return `npx --yes pnpm@${major} install --frozen-lockfile`;
  }
  if (facts.yarnLock === true) {
    if (facts.yarnrcYarnPath !== undefined && facts.yarnrcYarnPath !== '') {
      return `node ${facts.yarnrcYarnPath} install --immutable`;
    }
    const major = versionOf(facts.packageManager, 'yarn');
    if (facts.yarnrcYarnPath !== undefined || (major !== undefined && !major.startsWith('1.'))) {
      return `npx --yes --package=@yarnpkg/cli-dist@${major ?? '4'} yarn install --immutable`;
    }
    return 'npx --yes yarn@1 install --frozen-lockfile';
  }
  return facts.npmLock === true ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund';
}

/** The install command for a folder, read from its files (see chooseInstall). */
export function installCommand(dir: string): string {
  const read = (file: string): string | undefined => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined);
  const yarnrc = read('.yarnrc.yml');
  const manifest = read('package.json');
  const packageManager = manifest === undefined ? undefined : (JSON.parse(manifest) as { packageManager?: unknown }).packageManager;
  const pnpmLock = read('pnpm-lock.yaml')?.slice(0, 200);
  return chooseInstall({
    ...(pnpmLock === undefined ? {} : { pnpmLock }),
    yarnLock: existsSync(join(dir, 'yarn.lock')),
    ...(yarnrc === undefined ? {} : { yarnrcYarnPath: /^yarnPath:\s*["']?([^"'\n]+)/m.exec(yarnrc)?.[1]?.trim() ?? '' }),
    npmLock: existsSync(join(dir, 'package-lock.json')) || existsSync(join(dir, 'npm-shrinkwrap.json')),
    ...(typeof packageManager === 'string' ? { packageManager } : {}),
  });
}

/** The install command after the CLI changed package.json (the lockfile no longer matches). */
export function reinstallCommand(installCmd: string): string {
  if (installCmd.includes('pnpm')) {
    return installCmd.replace('--frozen-lockfile', '--no-frozen-lockfile');
  }
  if (installCmd.includes('yarn')) {
    return installCmd.replace(' --frozen-lockfile', '').replace(' --immutable', ' --no-immutable');
  }
  return 'npm install --no-audit --no-fund';
}

/** Runs a shell command in its own process group, killed with the group at the timeout. */
export function runShell(command: string, cwd: string, timeoutMs: number, env: Readonly<Record<string, string>> = {}, signal?: AbortSignal): Promise<ProcessOutcome> {
  return runProcess('sh', ['-c', command], { cwd, timeoutMs, ...(signal === undefined ? {} : { signal }), env: { HUSKY: '0', YARN_NODE_LINKER: 'node-modules', YARN_ENABLE_TELEMETRY: '0', ...env }, maxOutputChars: 200_000 });
}

/** The last lines of a command's output, for a result file. */
export function outputTail(output: string, lines = 15): string {
  return output.split('\n').slice(-lines).join('\n');
}
