import { createNodeProjectFiles } from './nodeProjectFs';
import { RoutecraftError } from '../errors';
import { asRecord, parseJsonc } from './jsonc';
import type { ProjectFs } from './projectFs';
import { minVersion } from './versionRange';

/** The parts of package.json detection reads. */
export interface PackageJsonInfo {
  readonly type?: string;
  /** Every dependency (dependencies, devDependencies, peerDependencies, optionalDependencies): name → range. */
  readonly dependencies: ReadonlyMap<string, string>;
  readonly scripts: Readonly<Record<string, string>>;
  /** The `packageManager` field (`pnpm@9.1.0`). */
  readonly packageManager?: string;
  /** The `prettier` field: an inline config object, or a shared config's name. */
  readonly prettier?: unknown;
  /**
   * Folders whose node_modules may hold the installed dependencies, nearest first (`.`, then a
   * monorepo's parents up to the workspace root, where packages are hoisted). Default `['.']`.
   */
  readonly nodeModulesDirs?: readonly string[];
  /** Each dependency section on its own (`dependencies` and `devDependencies` are what the app and its tests import). */
  readonly sections: Readonly<Record<DependencySection, ReadonlyMap<string, string>>>;
  /** The `jest` field (an inline jest config), as written. */
  readonly jest?: unknown;
}

const SECTIONS = ['peerDependencies', 'optionalDependencies', 'devDependencies', 'dependencies'] as const;
export type DependencySection = (typeof SECTIONS)[number];

/** package.json read from its text: parsed, absent, or not a JSON object. */
export type PackageJsonRead =
  | { readonly kind: 'ok'; readonly info: PackageJsonInfo }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' };

function stringRecord(value: unknown): Record<string, string> {
  const record = asRecord(value) ?? {};
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Reads package.json at the root, or throws a RoutecraftError that says where to open the tool. */
export async function readPackageJsonOrThrow(fs: ProjectFs, root: string): Promise<PackageJsonInfo> {
  if (!(await fs.exists('package.json'))) {
    throw new RoutecraftError(
      'file-not-found',
      `No package.json in ${root}. Open the folder of a Node.js project; in a monorepo, open the package (for example packages/api) that has its own package.json.`,
    );
  }
  const read = parsePackageJson(await fs.readFile('package.json'));
  if (read.kind !== 'ok') {
    throw new RoutecraftError('invalid-input', `${root}/package.json is not valid JSON: fix it, then try again.`);
  }
  return read.info;
}

/**
 * The one parser of a project's package.json (detection, generators, the SQL and type-check
 * helpers all read it through here): `text` as read, undefined when the file is absent.
 */
export function parsePackageJson(text: string | undefined): PackageJsonRead {
  if (text === undefined) {
    return { kind: 'missing' };
  }
  const parsed = asRecord(parseJsonc(text));
  if (!parsed) {
    return { kind: 'invalid' };
  }
  const dependencies = new Map<string, string>();
  const sections = {} as Record<DependencySection, ReadonlyMap<string, string>>;
  for (const section of SECTIONS) {
    const entries = Object.entries(stringRecord(parsed[section]));
    sections[section] = new Map(entries);
    for (const [name, range] of entries) {
      dependencies.set(name, range);
    }
  }
  return {
    kind: 'ok',
    info: {
      ...(typeof parsed.type === 'string' ? { type: parsed.type } : {}),
      dependencies,
      sections,
      scripts: stringRecord(parsed.scripts),
      ...(typeof parsed.packageManager === 'string' ? { packageManager: parsed.packageManager } : {}),
      ...(parsed.prettier !== undefined ? { prettier: parsed.prettier } : {}),
      ...(parsed.jest !== undefined ? { jest: parsed.jest } : {}),
    },
  };
}

/** The parsed package.json, or undefined when it is absent or not a JSON object (callers that fall back to defaults). */
export function packageJsonOrUndefined(text: string | undefined): PackageJsonInfo | undefined {
  const read = parsePackageJson(text);
  return read.kind === 'ok' ? read.info : undefined;
}

/** package.json in `root` read from disk, for the synchronous readers outside detection (SQL, the type check's module kind). */
export function readPackageJsonSync(root: string): PackageJsonInfo | undefined {
  return packageJsonOrUndefined(createNodeProjectFiles(root).read('package.json'));
}

/** Whether the app or its tests depend on `name` (`dependencies` or `devDependencies`). */
export function dependsOn(pkg: PackageJsonInfo | undefined, name: string): boolean {
  return pkg !== undefined && (pkg.sections.dependencies.has(name) || pkg.sections.devDependencies.has(name));
}

/**
 * The version of a dependency: the installed one (node_modules/<name>/package.json, in each of
 * `pkg.nodeModulesDirs`) when present,
 * else the lowest version its range allows; undefined when it is not a dependency.
 */
export async function dependencyVersion(fs: ProjectFs, pkg: PackageJsonInfo, name: string): Promise<string | undefined> {
  const range = pkg.dependencies.get(name);
  if (range === undefined) {
    return undefined;
  }
  for (const dir of pkg.nodeModulesDirs ?? ['.']) {
    const manifest = `${dir === '.' ? '' : `${dir}/`}node_modules/${name}/package.json`;
    if (await fs.exists(manifest)) {
      const version = asRecord(parseJsonc(await fs.readFile(manifest)))?.version;
      if (typeof version === 'string') {
        return version;
      }
    }
  }
  return minVersion(range);
}
