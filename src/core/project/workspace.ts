import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { asRecord, parseJsonc } from './jsonc';
import type { ProjectFs } from './projectFs';

/** The monorepo tools Routecraft recognises at a workspace root. */
export type WorkspaceKind = 'nx' | 'pnpm' | 'npm' | 'yarn' | 'bun' | 'turbo';

/** A monorepo root found above (or at) a folder, with the evidence that made it one. */
export interface WorkspaceRoot {
  /** The root relative to the folder the search started in: `.`, `..`, `../..`. */
  readonly dir: string;
  /** Every tool the root shows (an Nx repo on npm workspaces is `['nx', 'npm']`). */
  readonly kinds: readonly WorkspaceKind[];
  /** Member globs from pnpm-workspace.yaml or package.json `workspaces` (`apps/*`, `!**\/test`). */
  readonly patterns: readonly string[];
  /** The files that said so (`nx.json`, `pnpm-workspace.yaml`, `package.json#workspaces`, `turbo.json`). */
  readonly evidence: readonly string[];
}

function join(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}

async function readJson(fs: ProjectFs, file: string): Promise<Record<string, unknown> | undefined> {
  return (await fs.exists(file)) ? asRecord(parseJsonc(await fs.readFile(file))) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** package.json `workspaces`: an array, or yarn's `{ packages: [...] }`. */
export function workspacePatterns(manifest: Readonly<Record<string, unknown>> | undefined): string[] {
  const value = manifest?.workspaces;
  return Array.isArray(value) ? strings(value) : strings(asRecord(value)?.packages);
}

function pnpmPatterns(text: string): string[] {
  try {
    return strings(asRecord(parseYaml(text))?.packages);
  } catch {
    return [];
  }
}

/** Which package manager a package.json-workspaces root uses, by its lockfile (npm by default). */
async function workspacesKind(fs: ProjectFs, dir: string): Promise<WorkspaceKind> {
  if (await fs.exists(join(dir, 'yarn.lock'))) {
    return 'yarn';
  }
  if ((await fs.exists(join(dir, 'bun.lock'))) || (await fs.exists(join(dir, 'bun.lockb')))) {
    return 'bun';
  }
  return 'npm';
}

/** The workspace markers in one folder, or undefined when it is not a monorepo root. */
async function rootAt(fs: ProjectFs, dir: string): Promise<WorkspaceRoot | undefined> {
  const kinds: WorkspaceKind[] = [];
  const evidence: string[] = [];
  const patterns: string[] = [];
  if (await fs.exists(join(dir, 'nx.json'))) {
    kinds.push('nx');
    evidence.push('nx.json');
  }
  if (await fs.exists(join(dir, 'pnpm-workspace.yaml'))) {
    kinds.push('pnpm');
    evidence.push('pnpm-workspace.yaml');
    patterns.push(...pnpmPatterns(await fs.readFile(join(dir, 'pnpm-workspace.yaml'))));
  }
  const fromManifest = workspacePatterns(await readJson(fs, join(dir, 'package.json')));
  if (fromManifest.length > 0) {
    if (!kinds.includes('pnpm')) {
      kinds.push(await workspacesKind(fs, dir));
    }
    evidence.push('package.json#workspaces');
    patterns.push(...fromManifest.filter((p) => !patterns.includes(p)));
  }
  const turbo = await readJson(fs, join(dir, 'turbo.json'));
  // A package's own turbo.json extends the root's ("extends": ["//"]); only the root's has none.
  if (turbo && turbo.extends === undefined) {
    kinds.push('turbo');
    evidence.push('turbo.json');
  }
  return kinds.length === 0 ? undefined : { dir, kinds, patterns, evidence };
}

/**
 * The nearest monorepo root at or above the fs root, looking at most `maxLevels` folders up:
 * a folder with nx.json, pnpm-workspace.yaml, package.json `workspaces`, or a root turbo.json.
 * Undefined for a project outside any monorepo.
 */
export async function findWorkspaceRoot(fs: ProjectFs, maxLevels: number): Promise<WorkspaceRoot | undefined> {
  for (let level = 0; level <= maxLevels; level += 1) {
    const dir = level === 0 ? '.' : Array.from({ length: level }, () => '..').join('/');
    const found = await rootAt(fs, dir);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** How many folders lie above an absolute path (`/repo/apps/api` → 3), the bound for {@link findWorkspaceRoot}. */
export function levelsAbove(absolute: string): number {
  const resolved = path.resolve(absolute);
  return resolved.slice(path.parse(resolved).root.length).split(/[\\/]/).filter((part) => part !== '').length;
}

/** The workspace's tools for a sentence: `Nx`, `pnpm workspaces + Turborepo`. */
export function describeWorkspace(root: WorkspaceRoot): string {
  const names: Readonly<Record<WorkspaceKind, string>> = { nx: 'Nx', pnpm: 'pnpm workspaces', npm: 'npm workspaces', yarn: 'yarn workspaces', bun: 'bun workspaces', turbo: 'Turborepo' };
  return root.kinds.map((kind) => names[kind]).join(' + ');
}
