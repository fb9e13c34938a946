// Loads the CLI bundle (dist/cli-main.js) through a V8 code cache written *after* a run, so the
// cache holds every function that run compiled (TypeScript's parser and checker inside ts-morph
// above all), not only the top level that Node's own compile cache stores before execution. Works
// on Node 20 too. The cache is per command (`endpoint`, `tests`, …: each compiles other code), keyed
// by the bundle's size and mtime and the Node version; V8 itself refuses a cache that does not match
// the source or the engine, and then it is written again. One file per command in a folder of the
// user's own (mode 0700); any failure to read or write it only means running without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** A loaded bundle and what to call once the run is over (writes the cache when it had none). */
export interface CachedModule {
  readonly exports: unknown;
  /** Writes the code cache if this run had none or V8 refused it; never throws. */
  readonly save: () => void;
}

/** The folder of the code caches: ROUTECRAFT_CODE_CACHE_DIR, else one per user in the temp folder. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.ROUTECRAFT_CODE_CACHE_DIR !== undefined && env.ROUTECRAFT_CODE_CACHE_DIR !== '') {
    return env.ROUTECRAFT_CODE_CACHE_DIR;
  }
  let user = 'user';
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    // No user database entry (some containers): one shared name, still mode 0700.
  }
  return join(tmpdir(), `routecraft-code-cache-${user}`);
}

/** The command a cache belongs to: the first argument when it is a plain word, else `other`. */
export function commandKey(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return /^[a-z][a-z-]{0,30}$/.test(first) ? first : 'other';
}

/** The cache folder is used only when it is this user's own (another user could plant a cache in a shared temp folder). */
function ownFolder(dir: string): boolean {
  try {
    return process.getuid === undefined || statSync(dir).uid === process.getuid();
  } catch {
    return false;
  }
}

function readOptional(dir: string, path: string): Buffer | undefined {
  try {
    return ownFolder(dir) ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Requires a CommonJS bundle like `require(file)` does, compiled with the command's code cache when
 * there is a usable one. Relative dynamic imports inside the bundle resolve against its folder.
 */
export function requireWithCodeCache(file: string, command: string, env: NodeJS.ProcessEnv): CachedModule {
  const source = readFileSync(file, 'utf8');
  const stat = statSync(file);
  const dir = codeCacheDir(env);
  const id = createHash('sha256').update(`${process.version}\0${process.arch}\0${file}\0${String(stat.size)}\0${String(stat.mtimeMs)}`).digest('hex').slice(0, 16);
  const cacheFile = join(dir, `${command}-${id}.v8cache`);
  const cachedData = readOptional(dir, cacheFile);
  const base = dirname(file);
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
    // The bundle's import('./tokenizer.js') and its externals resolve as they would from the file itself.
    importModuleDynamically: ((specifier: string) => import(specifier.startsWith('.') ? pathToFileURL(resolve(base, specifier)).href : specifier)) as never,
  });
  const module = new Module(file);
  module.filename = file;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, base);
  module.loaded = true;
  const save = (): void => {
    if (cachedData !== undefined && !script.cachedDataRejected) {
      return;
    }
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (!ownFolder(dir)) {
        return;
      }
      // Caches of older builds of this command go first.
      for (const old of readdirSync(dir).filter((name) => name.startsWith(`${command}-`) && name !== `${command}-${id}.v8cache`)) {
        rmSync(join(dir, old), { force: true });
      }
      const temporary = `${cacheFile}.${String(process.pid)}.tmp`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only or full temp folder: the next run compiles again.
    }
  };
  return { exports: module.exports, save };
}
