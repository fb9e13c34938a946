import path from 'node:path';
import { RoutecraftError } from '../errors';
import { createNodeProjectFs } from './nodeProjectFs';
import type { UnknownFact } from './projectFacts';
import type { ProjectFs } from './projectFs';
import { describeWorkspace, findWorkspaceRoot, levelsAbove, type WorkspaceRoot } from './workspace';
import { describePackage, listWorkspacePackages, packageKind, type WorkspacePackage } from './workspacePackages';

/** Where Generate Endpoint was pointed: a folder (`--project`), maybe a package name and the active file. */
export interface ProjectTarget {
  /** The folder given (`--project DIR`, the editor's workspace folder). */
  readonly start: string;
  /** `--package NAME`: a package's name (`@acme/api`) or its folder relative to the workspace root (`apps/api`). */
  readonly packageName?: string;
  /** The editor's active file: its package wins when it lies in the monorepo. */
  readonly activeFile?: string;
}

/** The monorepo around the chosen package. */
export interface WorkspaceContext {
  /** Absolute path of the workspace root. */
  readonly root: string;
  readonly kinds: WorkspaceRoot['kinds'];
  /** The chosen package's folder relative to the workspace root (`apps/api`; `.` for the root itself). */
  readonly packageDir: string;
  /** One sentence for the review: which workspace, which package, and why. */
  readonly note: string;
}

export type ProjectRootResult =
  | { readonly kind: 'project'; readonly root: string; readonly workspace?: WorkspaceContext }
  | { readonly kind: 'ambiguous'; readonly workspaceRoot: string; readonly candidates: readonly WorkspacePackage[]; readonly question: UnknownFact };

/** Opens a folder for reading; tests pass an in-memory one. */
export type FsAt = (absoluteDir: string) => ProjectFs;

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** `rel` relative to `base`, or undefined when it lies outside. */
function inside(base: string, target: string): string | undefined {
  const rel = path.relative(base, target);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : toPosix(rel);
}

/** The deepest folder from `rel` up to (not including) the workspace root that is a package. */
async function containingPackage(fs: ProjectFs, rel: string, root: WorkspaceRoot): Promise<string | undefined> {
  let dir = rel;
  while (dir !== '' && dir !== '.') {
    if ((await fs.exists(`${dir}/package.json`)) || (root.kinds.includes('nx') && (await fs.exists(`${dir}/project.json`)))) {
      return dir;
    }
    dir = path.posix.dirname(dir);
  }
  return undefined;
}

/**
 * The package Generate Endpoint works in. Outside a monorepo: the folder given, unchanged. In a
 * monorepo (Nx, pnpm/npm/yarn workspaces, Turborepo): the package named by `packageName`, else
 * the package containing the active file, else the one containing `start`; from the workspace
 * root (or a folder between packages) the only backend package, or an `ambiguous` result listing
 * the candidates. Throws a RoutecraftError (nothing written) when no package fits.
 */
export async function resolveProjectRoot(target: ProjectTarget, fsAt: FsAt = createNodeProjectFs): Promise<ProjectRootResult> {
  const start = path.resolve(target.start);
  const root = await findWorkspaceRoot(fsAt(start), levelsAbove(start));
  if (!root) {
    return { kind: 'project', root: start };
  }
  const workspaceRoot = path.resolve(start, root.dir);
  const fs = fsAt(workspaceRoot);
  const kind = describeWorkspace(root);
  const chosen = (dir: string, why: string): ProjectRootResult => ({
    kind: 'project',
    root: path.resolve(workspaceRoot, dir),
    workspace: { root: workspaceRoot, kinds: root.kinds, packageDir: dir, note: `${kind} monorepo at ${workspaceRoot}: working in ${why}.` },
  });

  if (target.packageName !== undefined) {
    const wanted = target.packageName.replace(/^\.\//, '').replace(/\/+$/, '');
    const packages = await listWorkspacePackages(fs, root);
    const match = packages.find((p) => p.name === wanted || p.dir === wanted);
    if (!match) {
      throw new RoutecraftError('invalid-input', `No package "${target.packageName}" in the ${kind} monorepo at ${workspaceRoot}; its packages are ${packages.map(describePackage).join(', ') || 'none'}.`);
    }
    return chosen(match.dir, `${describePackage(match)}, as asked`);
  }

  for (const [from, label] of [[target.activeFile === undefined ? undefined : path.dirname(path.resolve(target.activeFile)), 'the active file'], [start, 'the folder given']] as const) {
    const rel = from === undefined ? undefined : inside(workspaceRoot, from);
    const dir = rel === undefined ? undefined : await containingPackage(fs, rel, root);
    if (dir !== undefined) {
      return chosen(dir, `${dir}, the package containing ${label}`);
    }
  }

  const below = inside(workspaceRoot, start) ?? '';
  const backends = (await listWorkspacePackages(fs, root))
    .filter((p) => below === '' || p.dir.startsWith(`${below}/`))
    .filter((p) => p.framework !== undefined && p.isApp);
  if (backends.length === 1 && backends[0]) {
    return chosen(backends[0].dir, `${describePackage(backends[0])}, its only backend package`);
  }
  if (backends.length > 1) {
    const candidates = backends.map((p) => p.dir);
    return {
      kind: 'ambiguous',
      workspaceRoot,
      candidates: backends,
      question: {
        fact: 'package',
        candidates,
        reason: `${start} is in the ${kind} monorepo at ${workspaceRoot}, which has several backend packages (${backends.map(describePackage).join(', ')}); choose the one that gets the endpoint.`,
      },
    };
  }
  if (below === '' && !root.kinds.includes('nx') && (await packageKind(fs, '.')).framework !== undefined) {
    return { kind: 'project', root: workspaceRoot };
  }
  if (below === '' && root.kinds.includes('nx') && (await fs.exists('project.json'))) {
    return chosen('.', 'the workspace root, a standalone Nx project');
  }
  throw new RoutecraftError('invalid-input', `No backend app (a package that creates an express, fastify, NestJS or hono app) in the ${kind} monorepo at ${workspaceRoot}${below === '' ? '' : ` under ${below}`}; open the backend package's folder or pass --package.`);
}
