import path from 'node:path';
import { APP_CREATION } from './codeSignals';
import { globToRegExp } from './globLite';
import { asRecord, parseJsonc } from './jsonc';
import type { FrameworkName } from './projectFacts';
import type { ProjectFs } from './projectFs';
import type { WorkspaceRoot } from './workspace';

/** One member of a monorepo. */
export interface WorkspacePackage {
  /** Workspace-root-relative folder, `/`-separated (`apps/api`). */
  readonly dir: string;
  /** package.json `name`, else project.json `name`, else the folder's name. */
  readonly name: string;
  /** Whether the package has its own package.json (an Nx project may have only project.json). */
  readonly hasPackageJson: boolean;
  /** The web framework the package uses, when it uses one (see {@link packageFramework}). */
  readonly framework?: FrameworkName;
  /**
   * Whether it is a backend app rather than a library: Nx `projectType`, else code that creates
   * the app (`express()`, `Fastify(`, `new Hono(`, `NestFactory.create(`).
   */
  readonly isApp: boolean;
}

/** The package that names each framework (NestJS first: it runs on express or fastify). */
const FRAMEWORK_PACKAGES: readonly (readonly [FrameworkName, string])[] = [
  ['nestjs', '@nestjs/core'],
  ['express', 'express'],
  ['fastify', 'fastify'],
  ['hono', 'hono'],
];

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Bounds: a monorepo listing stays cheap however many packages it holds. */
const LIMITS = { maxDirs: 400, maxPackages: 200, maxFilesRead: 12 } as const;

async function readJson(fs: ProjectFs, file: string): Promise<Record<string, unknown> | undefined> {
  return (await fs.exists(file)) ? asRecord(parseJsonc(await fs.readFile(file))) : undefined;
}

function dependencyNames(manifest: Readonly<Record<string, unknown>> | undefined): Set<string> {
  return new Set(DEPENDENCY_SECTIONS.flatMap((section) => Object.keys(asRecord(manifest?.[section]) ?? {})));
}

/** Folders matching the workspace globs (`apps/*`, `packages/**`), minus `!` exclusions. */
async function memberDirs(fs: ProjectFs, root: WorkspaceRoot): Promise<string[]> {
  const include = root.patterns.filter((p) => !p.startsWith('!')).map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
  const exclude = root.patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1).replace(/^\.\//, '').replace(/\/+$/, '')));
  const found: string[] = [];
  for (const pattern of include) {
    for (const file of await fs.glob(`${pattern}/package.json`, { maxDirs: LIMITS.maxDirs, limit: LIMITS.maxPackages })) {
      found.push(path.posix.dirname(file));
    }
  }
  if (root.kinds.includes('nx')) {
    for (const file of await fs.glob('**/project.json', { maxDirs: LIMITS.maxDirs, limit: LIMITS.maxPackages })) {
      found.push(path.posix.dirname(file));
    }
  }
  return [...new Set(found)].filter((dir) => dir !== '.' && !exclude.some((re) => re.test(dir))).sort();
}

const IMPORT = /(?:from\s+|require\(\s*|import\(\s*)['"](@nestjs\/core|express|fastify|hono)(?:\/[^'"]*)?['"]/g;

/** The package's most telling source files (entry points first), read. */
async function entryTexts(fs: ProjectFs, dir: string): Promise<string[]> {
  const files = await fs.glob(`${dir === '.' ? '' : `${dir}/`}{src/**/*.ts,*.ts}`, { maxDirs: 30, limit: 200 });
  const ranked = files
    .filter((file) => !/\.(?:spec|test|d)\.ts$/.test(file))
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, LIMITS.maxFilesRead);
  const texts: string[] = [];
  for (const file of ranked) {
    texts.push(await fs.readFile(file));
  }
  return texts;
}

function importedFramework(texts: readonly string[]): FrameworkName | undefined {
  const imported = new Set(texts.flatMap((text) => [...text.matchAll(IMPORT)].map((match) => match[1] ?? '')));
  return FRAMEWORK_PACKAGES.find(([, name]) => imported.has(name))?.[0];
}

function rank(file: string): number {
  const name = path.posix.basename(file);
  return (/^(?:main|app|server|index)\.ts$/.test(name) ? 10 : 0) + (/\.module\.ts$/.test(name) ? 5 : 0) - file.split('/').length;
}

/** What a package is: the web framework it uses and whether it is an app (see {@link WorkspacePackage}). */
export interface PackageKind {
  readonly framework?: FrameworkName;
  readonly isApp: boolean;
}

/**
 * The web framework a package uses: from its own package.json when it has one, else (an Nx
 * project living on the root's dependencies) from what its entry files import; and whether it is
 * an app: Nx `projectType`, else whether those files create the app.
 */
export async function packageKind(fs: ProjectFs, dir: string): Promise<PackageKind> {
  const at = (file: string): string => (dir === '.' ? file : `${dir}/${file}`);
  const manifest = await readJson(fs, at('package.json'));
  const projectType = (await readJson(fs, at('project.json')))?.projectType;
  let texts: string[] | undefined;
  let framework: FrameworkName | undefined;
  if (manifest) {
    const names = dependencyNames(manifest);
    framework = FRAMEWORK_PACKAGES.find(([, name]) => names.has(name))?.[0];
  } else {
    texts = await entryTexts(fs, dir);
    framework = importedFramework(texts);
  }
  if (!framework) {
    return { isApp: false };
  }
  if (projectType === 'application' || projectType === 'library') {
    return { framework, isApp: projectType === 'application' };
  }
  texts ??= await entryTexts(fs, dir);
  return { framework, isApp: texts.some((text) => APP_CREATION[framework].test(text)) };
}

/**
 * Every member of the monorepo at the fs root (package.json under the workspace globs, and for
 * Nx every project.json), with its name, framework and whether it is an app. Bounded: at most 200 packages.
 */
export async function listWorkspacePackages(fs: ProjectFs, root: WorkspaceRoot): Promise<WorkspacePackage[]> {
  const packages: WorkspacePackage[] = [];
  for (const dir of await memberDirs(fs, root)) {
    const manifest = await readJson(fs, `${dir}/package.json`);
    const project = manifest ? undefined : await readJson(fs, `${dir}/project.json`);
    const declared = manifest?.name ?? project?.name;
    const kind = await packageKind(fs, dir);
    packages.push({
      dir,
      name: typeof declared === 'string' ? declared : path.posix.basename(dir),
      hasPackageJson: manifest !== undefined,
      ...(kind.framework ? { framework: kind.framework } : {}),
      isApp: kind.isApp,
    });
  }
  return packages;
}

/** `apps/api (@acme/api, express)`: how a package is named in a question or a note. */
export function describePackage(pkg: WorkspacePackage): string {
  const details = [...(pkg.name !== path.posix.basename(pkg.dir) ? [pkg.name] : []), ...(pkg.framework ? [pkg.framework] : [])];
  return details.length > 0 ? `${pkg.dir} (${details.join(', ')})` : pkg.dir;
}
