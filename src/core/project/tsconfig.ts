import path from 'node:path';
import { ts } from 'ts-morph';
import type { ProjectFs } from './projectFs';

/** The compiler options detection needs, after following `extends`. */
export interface TsconfigInfo {
  /** The tsconfig file read first (root-relative), undefined when there is none. */
  readonly file?: string;
  /** Lower-cased, e.g. `nodenext`, `commonjs`, `esnext`. */
  readonly module?: string;
  readonly moduleResolution?: string;
  /** Root-relative directory `paths` resolve against. */
  readonly baseUrl?: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly rootDir?: string;
}

/**
 * TypeScript's config reader is synchronous and ProjectFs is not, so the reader runs over files
 * loaded beforehand: each round records what it missed, the misses are loaded, and it runs again
 * until it misses nothing (one round per level of `extends`, plus the node_modules lookups).
 */
const MAX_ROUNDS = 12;

/**
 * The project root as the compiler sees it: a fixed absolute folder deep enough that `extends`
 * lookups walking up (`../../node_modules/@repo/tsconfig`, a monorepo's hoisted configs) stay
 * inside it. Paths are mapped back to root-relative ones before ProjectFs reads them.
 */
const VIRTUAL_ROOT = '/routecraft/1/2/3/4/5/project';
const MAX_PARENT_LEVELS = 6;

function toVirtual(relative: string): string {
  return path.posix.join(VIRTUAL_ROOT, relative);
}

/** Root-relative (`..` allowed), or undefined for a path above the levels a project may climb. */
function toRelative(virtual: string): string | undefined {
  const relative = path.posix.relative(VIRTUAL_ROOT, path.posix.normalize(virtual.replace(/\\/g, '/')));
  const climbs = relative.split('/').filter((segment) => segment === '..').length;
  return climbs > MAX_PARENT_LEVELS || path.posix.isAbsolute(relative) ? undefined : relative === '' ? '.' : relative;
}

/** A root-relative folder without `./` or a trailing slash (`.` for the root itself). */
function relativeDir(virtual: unknown): string | undefined {
  return typeof virtual === 'string' ? toRelative(virtual) : undefined;
}

function enumName(names: Readonly<Record<number, string>>, value: number | undefined): string | undefined {
  return value === undefined ? undefined : names[value]?.toLowerCase();
}

async function readIfFile(fs: ProjectFs, virtual: string): Promise<string | undefined> {
  const relative = toRelative(virtual);
  if (relative === undefined || !(await fs.exists(relative))) {
    return undefined;
  }
  try {
    return await fs.readFile(relative);
  } catch {
    // A directory (or unreadable file): not a config the compiler could read either.
    return undefined;
  }
}

/** The compiler's own parse of one config (extends followed), or undefined when it is not a file. */
async function parseConfig(fs: ProjectFs, name: string): Promise<ts.CompilerOptions | undefined> {
  const loaded = new Map<string, string | undefined>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const misses = new Set<string>();
    const lookup = (file: string): string | undefined => {
      if (!loaded.has(file)) {
        misses.add(file);
      }
      return loaded.get(file);
    };
    const host: ts.ParseConfigFileHost = {
      useCaseSensitiveFileNames: true,
      getCurrentDirectory: () => VIRTUAL_ROOT,
      fileExists: (file) => lookup(file) !== undefined,
      readFile: lookup,
      readDirectory: () => [],
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    };
    const parsed = ts.getParsedCommandLineOfConfigFile(toVirtual(name), {}, host);
    if (misses.size === 0) {
      return parsed?.options;
    }
    await Promise.all([...misses].map(async (file) => loaded.set(file, await readIfFile(fs, file))));
  }
  return undefined;
}

/**
 * Reads tsconfig.json (or the first of the given names that exists) with TypeScript's own config
 * reader, so `extends` resolves exactly as the compiler resolves it — relative files, packages in
 * any ancestor's node_modules (a monorepo's hoisted `@repo/tsconfig`), `exports`, arrays, and
 * `${configDir}` — and the detection agrees with the type check. `baseUrl`, `rootDir` and the
 * folder `paths` resolve against come back root-relative.
 */
export async function readTsconfig(fs: ProjectFs, names: readonly string[] = ['tsconfig.json', 'tsconfig.app.json']): Promise<TsconfigInfo> {
  for (const name of names) {
    if (!(await fs.exists(name))) {
      continue;
    }
    const options = await parseConfig(fs, name);
    if (!options) {
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated in TypeScript 6, still what projects on 5 set
    const baseUrl = relativeDir(options.baseUrl) ?? (options.paths ? relativeDir(options.pathsBasePath) : undefined);
    const rootDir = relativeDir(options.rootDir);
    const module = enumName(ts.ModuleKind, options.module);
    const moduleResolution = enumName(ts.ModuleResolutionKind, options.moduleResolution);
    const paths = Object.fromEntries(Object.entries(options.paths ?? {}).map(([key, targets]) => [key, targets.filter((t) => typeof t === 'string')]));
    return {
      file: name,
      paths,
      ...(module === undefined ? {} : { module }),
      ...(moduleResolution === undefined ? {} : { moduleResolution }),
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(rootDir === undefined ? {} : { rootDir }),
    };
  }
  return { paths: {} };
}
