import path from 'node:path';
import { asRecord, parseJsonc } from './jsonc';
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

interface Layer {
  readonly dir: string;
  readonly options: Readonly<Record<string, unknown>>;
}

const MAX_EXTENDS = 6;

function extendsTargets(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function resolveExtends(fromDir: string, target: string): string {
  if (target.startsWith('.') || target.startsWith('/')) {
    const joined = path.posix.join(fromDir, target);
    return joined.endsWith('.json') ? joined : `${joined}.json`;
  }
  const inModules = path.posix.join(fromDir, 'node_modules', target);
  return inModules.endsWith('.json') ? inModules : `${inModules}/tsconfig.json`;
}

/** Reads one config and the ones it extends (bases first), bounded in depth. */
async function readLayers(fs: ProjectFs, file: string, depth: number): Promise<Layer[]> {
  if (depth > MAX_EXTENDS || !(await fs.exists(file))) {
    return [];
  }
  const config = asRecord(parseJsonc(await fs.readFile(file)));
  if (!config) {
    return [];
  }
  const dir = path.posix.dirname(file);
  const bases: Layer[] = [];
  for (const target of extendsTargets(config.extends)) {
    bases.push(...(await readLayers(fs, resolveExtends(dir, target), depth + 1)));
  }
  return [...bases, { dir, options: asRecord(config.compilerOptions) ?? {} }];
}

/** A root-relative folder without `./` or a trailing slash (`.` for the root itself). */
function joinDir(dir: string, relative: string): string {
  const joined = path.posix.normalize(path.posix.join(dir, relative)).replace(/\/+$/, '');
  return joined === '' ? '.' : joined;
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/**
 * Reads tsconfig.json (or the first of the given names) and follows `extends` to relative files
 * and packages in node_modules; later layers override earlier ones, and `baseUrl`/`paths` resolve
 * against the directory of the file that set them.
 */
export async function readTsconfig(fs: ProjectFs, names: readonly string[] = ['tsconfig.json', 'tsconfig.app.json']): Promise<TsconfigInfo> {
  for (const name of names) {
    const layers = await readLayers(fs, name, 0);
    if (layers.length === 0) {
      continue;
    }
    let result: { -readonly [K in keyof TsconfigInfo]: TsconfigInfo[K] } = { file: name, paths: {} };
    let pathsDir: string | undefined;
    for (const { dir, options } of layers) {
      const module = lower(options.module);
      const moduleResolution = lower(options.moduleResolution);
      if (module !== undefined) {
        result = { ...result, module };
      }
      if (moduleResolution !== undefined) {
        result = { ...result, moduleResolution };
      }
      if (typeof options.baseUrl === 'string') {
        result = { ...result, baseUrl: joinDir(dir, options.baseUrl) };
      }
      if (typeof options.rootDir === 'string') {
        result = { ...result, rootDir: joinDir(dir, options.rootDir) };
      }
      const paths = asRecord(options.paths);
      if (paths) {
        pathsDir = dir;
        result = {
          ...result,
          paths: Object.fromEntries(Object.entries(paths).map(([key, v]) => [key, Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []])),
        };
      }
    }
    if (result.baseUrl === undefined && pathsDir !== undefined) {
      result = { ...result, baseUrl: pathsDir };
    }
    return result;
  }
  return { paths: {} };
}
