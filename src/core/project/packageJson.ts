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
}

const SECTIONS = ['peerDependencies', 'optionalDependencies', 'devDependencies', 'dependencies'] as const;

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
  const parsed = asRecord(parseJsonc(await fs.readFile('package.json')));
  if (!parsed) {
    throw new RoutecraftError('invalid-input', `${root}/package.json is not valid JSON: fix it, then try again.`);
  }
  const dependencies = new Map<string, string>();
  for (const section of SECTIONS) {
    for (const [name, range] of Object.entries(stringRecord(parsed[section]))) {
      dependencies.set(name, range);
    }
  }
  return {
    ...(typeof parsed.type === 'string' ? { type: parsed.type } : {}),
    dependencies,
    scripts: stringRecord(parsed.scripts),
    ...(typeof parsed.packageManager === 'string' ? { packageManager: parsed.packageManager } : {}),
    ...(parsed.prettier !== undefined ? { prettier: parsed.prettier } : {}),
  };
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
