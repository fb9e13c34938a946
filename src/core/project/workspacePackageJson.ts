import { asRecord, parseJsonc } from './jsonc';
import { readPackageJsonOrThrow, type PackageJsonInfo } from './packageJson';
import type { ProjectFs } from './projectFs';
import type { SampledFile } from './sampleFiles';
import { findWorkspaceRoot, levelsAbove, type WorkspaceRoot } from './workspace';

/** The package's manifest as detection reads it, plus the monorepo around it. */
export interface PackageContext {
  /** The package's own package.json merged over the workspace root's (see {@link readPackageContext}). */
  readonly pkg: PackageJsonInfo;
  readonly workspace?: WorkspaceRoot;
  /** The workspace root's package.json, when the package is not the root. */
  readonly rootPkg?: PackageJsonInfo;
  /** Dependencies that came from the workspace root, not the package (an Nx project's framework). */
  readonly inherited: ReadonlySet<string>;
  /** Whether the package has its own package.json. */
  readonly ownManifest: boolean;
}

/** Packages that say which framework a package uses: never inherited from a root that serves several apps. */
const FRAMEWORK_PACKAGES: ReadonlySet<string> = new Set(['@nestjs/core', 'express', 'fastify', 'hono']);

/** A view of `fs` from a folder relative to its root (`../..`), for reading the workspace root. */
export function prefixedFs(fs: ProjectFs, prefix: string): ProjectFs {
  if (prefix === '.') {
    return fs;
  }
  const at = (relative: string): string => (relative === '.' || relative === '' ? prefix : `${prefix}/${relative}`);
  return {
    readFile: (relative) => fs.readFile(at(relative)),
    exists: (relative) => fs.exists(at(relative)),
    readdir: (relative) => fs.readdir(at(relative)),
    glob: async (pattern, options) => (await fs.glob(at(pattern), options)).map((file) => file.slice(prefix.length + 1)),
  };
}

/** An Nx project's `test` target as a script line (`@nx/jest:jest`, `vitest run`), so the runner is read from it. */
async function nxTestScript(fs: ProjectFs): Promise<string | undefined> {
  if (!(await fs.exists('project.json'))) {
    return undefined;
  }
  const test = asRecord(asRecord(asRecord(parseJsonc(await fs.readFile('project.json')))?.targets)?.test);
  const command = asRecord(test?.options)?.command;
  if (typeof command === 'string') {
    return command;
  }
  const executor = typeof test?.executor === 'string' ? test.executor : undefined;
  return executor !== undefined && /vite/.test(executor) ? `${executor} vitest` : executor;
}

function mergeInfo(own: PackageJsonInfo | undefined, root: PackageJsonInfo, ownHasManifest: boolean, nxScript: string | undefined): { pkg: PackageJsonInfo; inherited: Set<string> } {
  const dependencies = new Map<string, string>();
  const inherited = new Set<string>();
  for (const [name, range] of root.dependencies) {
    if (!ownHasManifest || !FRAMEWORK_PACKAGES.has(name)) {
      dependencies.set(name, range);
      inherited.add(name);
    }
  }
  for (const [name, range] of own?.dependencies ?? []) {
    dependencies.set(name, range);
    inherited.delete(name);
  }
  const type = own ? own.type : root.type;
  const packageManager = own?.packageManager ?? root.packageManager;
  const prettier = own?.prettier ?? root.prettier;
  const scripts = own?.scripts ?? (nxScript !== undefined ? { test: nxScript } : {});
  return {
    pkg: {
      dependencies,
      sections: own?.sections ?? root.sections,
      scripts,
      ...(type !== undefined ? { type } : {}),
      ...(packageManager !== undefined ? { packageManager } : {}),
      ...(prettier !== undefined ? { prettier } : {}),
    },
    inherited,
  };
}

/**
 * Reads the package's package.json and, inside a monorepo, the workspace root's: dependencies
 * hoisted to the root (typescript, the test runner, zod) count for the package, its own win; a
 * framework counts from the root only for a package without a package.json (an Nx project, whose
 * framework {@link scopeInheritedFrameworks} then keeps only when its code imports it). `type`,
 * `packageManager` and `prettier` fall back to the root's; an Nx project's test target stands in
 * for the `test` script. Throws like {@link readPackageJsonOrThrow} when neither applies.
 */
export async function readPackageContext(fs: ProjectFs, root: string): Promise<PackageContext> {
  const workspace = await findWorkspaceRoot(fs, levelsAbove(root));
  const hasManifest = await fs.exists('package.json');
  if (!workspace || workspace.dir === '.' || !(await fs.exists(`${workspace.dir}/package.json`))) {
    const pkg = await readPackageJsonOrThrow(fs, root);
    return { pkg, ...(workspace ? { workspace } : {}), inherited: new Set(), ownManifest: true };
  }
  const nxScript = workspace.kinds.includes('nx') ? await nxTestScript(fs) : undefined;
  if (!hasManifest && !(await fs.exists('project.json'))) {
    await readPackageJsonOrThrow(fs, root);
  }
  const rootPkg = await readPackageJsonOrThrow(prefixedFs(fs, workspace.dir), `${root}/${workspace.dir}`);
  const own = hasManifest ? await readPackageJsonOrThrow(fs, root) : undefined;
  const { pkg, inherited } = mergeInfo(own, rootPkg, hasManifest, nxScript);
  const levels = workspace.dir.split('/').length;
  const nodeModulesDirs = ['.', ...Array.from({ length: levels }, (_, i) => Array.from({ length: i + 1 }, () => '..').join('/'))];
  return { pkg: { ...pkg, nodeModulesDirs }, workspace, rootPkg, inherited, ownManifest: hasManifest };
}

const IMPORTS = /(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g;

/**
 * The manifest for framework detection: a framework inherited from the workspace root counts only
 * when the package's own code imports it (an Nx root lists the frameworks of every app).
 */
export function scopeInheritedFrameworks(context: PackageContext, sources: readonly SampledFile[]): PackageJsonInfo {
  const candidates = [...context.inherited].filter((name) => FRAMEWORK_PACKAGES.has(name));
  if (candidates.length === 0) {
    return context.pkg;
  }
  const imported = new Set(sources.flatMap((file) => [...file.text.matchAll(IMPORTS)].map((m) => (m[1] ?? '').split('/').slice(0, (m[1] ?? '').startsWith('@') ? 2 : 1).join('/'))));
  const dependencies = new Map([...context.pkg.dependencies].filter(([name]) => !candidates.includes(name) || imported.has(name)));
  return { ...context.pkg, dependencies };
}
