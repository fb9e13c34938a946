import { posix } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { ProjectFs, TestRunnerName } from '../../project';
import { asRecord, parseJsonc } from '../../project/jsonc';
import { packageJsonOrUndefined } from '../../project/packageJson';
import { configLiteral, NOT_LITERAL, stringList, type ConfigObject, type ConfigValue } from './configLiteral';

/** Which files the project's test runner collects, as its config says. */
export interface RunnerCollection {
  /** Whether a root-relative path is a test file the runner runs. */
  collects(path: string): boolean;
  /** The folders it looks in (root-relative, `.` for the whole package), nearest to the source first. */
  readonly roots: readonly string[];
  /** Where that was read (`package.json "jest": rootDir "src", testRegex ".*\.spec\.ts$"`). */
  readonly source: string;
}

const EXTS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'];
const JEST_DEFAULT_MATCH = ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'];
const VITEST_DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];

const clean = (path: string): string => {
  const normal = posix.normalize(path.replace(/\\/g, '/')).replace(/\/$/, '');
  return normal === '' ? '.' : normal;
};
const inside = (path: string, dir: string): boolean => dir === '.' || path === dir || path.startsWith(`${dir}/`);

async function readConfig(fs: ProjectFs, path: string): Promise<ConfigObject | undefined> {
  const text = await fs.readFile(path).catch(() => undefined);
  if (text === undefined) {
    return undefined;
  }
  if (path.endsWith('.json') || path.endsWith('.jsonc')) {
    return asRecord(parseJsonc(text)) as ConfigObject | undefined;
  }
  if (/\.ya?ml$/.test(path)) {
    return asRecord(parseYaml(text) as unknown) as ConfigObject | undefined;
  }
  return configLiteral(text, path);
}

/** The first existing `name.{ts,js,…}`. */
async function firstFile(fs: ProjectFs, names: readonly string[]): Promise<string | undefined> {
  for (const name of names) {
    if (await fs.exists(name)) {
      return name;
    }
  }
  return undefined;
}

/** The `--config X` / `-c X` of the runner's command in the `test` script. */
function scriptConfig(script: string | undefined, bin: string): string | undefined {
  const command = script?.split(/&&|\|\||;/).find((part) => new RegExp(`(?:^|\\s|/)${bin}(?:\\s|$)`).test(part));
  const match = command?.match(/(?:--config[= ]|-c )\s*["']?([^\s"']+)/);
  return match?.[1];
}

function jestCollection(config: ConfigObject, configDir: string, source: string): RunnerCollection | undefined {
  const rootValue = config.rootDir;
  if (config.projects !== undefined || rootValue === NOT_LITERAL || (rootValue !== undefined && typeof rootValue !== 'string')) {
    return undefined;
  }
  const rootDir = clean(posix.join(configDir, rootValue ?? '.'));
  const withRoot = (p: string): string => p.replace(/<rootDir>\/?/g, rootDir === '.' ? '' : `${rootDir}/`);
  const rootsValue = stringList(config.roots);
  const matchValue = stringList(config.testMatch);
  const regexValue = stringList(config.testRegex);
  const ignoreValue = stringList(config.testPathIgnorePatterns);
  if (rootsValue === NOT_LITERAL || matchValue === NOT_LITERAL || regexValue === NOT_LITERAL || ignoreValue === NOT_LITERAL) {
    return undefined;
  }
  const roots = rootsValue === undefined ? [rootDir] : rootsValue.map((r) => clean(posix.isAbsolute(withRoot(r)) ? r : posix.join(r.includes('<rootDir>') ? '' : rootDir, withRoot(r))));
  const regexes = regexValue?.map((r) => new RegExp(r));
  const matchers = (matchValue ?? JEST_DEFAULT_MATCH).map((m) => picomatch(withRoot(m), { dot: true }));
  const ignores = (ignoreValue ?? ['/node_modules/']).map((r) => new RegExp(withRoot(r)));
  const describe = [rootValue === undefined ? '' : `rootDir "${rootValue}"`, rootsValue === undefined ? '' : `roots ${JSON.stringify(rootsValue)}`, regexValue === undefined ? '' : `testRegex ${JSON.stringify(regexValue.join(' '))}`, matchValue === undefined ? '' : `testMatch ${JSON.stringify(matchValue)}`];
  return {
    roots,
    source: `${source}: ${describe.filter((d) => d !== '').join(', ') || 'defaults'}`,
    collects: (path) => {
      const absolute = `/${path}`;
      return roots.some((r) => inside(path, r))
        && (regexes === undefined ? matchers.some((m) => m(path)) : regexes.some((r) => r.test(absolute)))
        && !ignores.some((r) => r.test(absolute));
    },
  };
}

async function jestConfig(fs: ProjectFs, script: string | undefined, inline: unknown): Promise<RunnerCollection | undefined> {
  const named = scriptConfig(script, 'jest');
  const file = named === undefined ? await firstFile(fs, EXTS.map((e) => `jest.config.${e}`)) : clean(named);
  if (file !== undefined) {
    const config = await readConfig(fs, file);
    return config === undefined ? undefined : jestCollection(config, posix.dirname(file), file);
  }
  const record = asRecord(inline) as ConfigObject | undefined;
  return jestCollection(record ?? {}, '.', record === undefined ? 'jest defaults' : 'package.json "jest"');
}

function globCollection(patterns: readonly string[], base: string, source: string): RunnerCollection {
  const matchers = patterns.map((p) => picomatch(clean(posix.join(base, p.replace(/^\.\//, ''))), { dot: true }));
  const roots = [...new Set(patterns.map((p) => clean(posix.join(base, p.split('/').filter((s, i, all) => i < all.length - 1 && !/[*?{[]/.test(s) && all.slice(0, i).every((x) => !/[*?{[]/.test(x))).join('/')))))];
  return { roots, source, collects: (path) => matchers.some((m) => m(path)) };
}

async function vitestConfig(fs: ProjectFs, script: string | undefined): Promise<RunnerCollection | undefined> {
  const names = ['vitest.config', 'vite.config'].flatMap((n) => EXTS.filter((e) => e !== 'json').map((e) => `${n}.${e}`));
  const named = scriptConfig(script, 'vitest');
  const file = named === undefined ? await firstFile(fs, names) : clean(named);
  const config = file === undefined ? {} : await readConfig(fs, file);
  const test = config?.test;
  if (config === undefined || test === NOT_LITERAL || (test !== undefined && (typeof test !== 'object' || test === null || Array.isArray(test)))) {
    return undefined;
  }
  const options = (test ?? {}) as ConfigObject;
  if (options.projects !== undefined || options.workspace !== undefined) {
    return undefined;
  }
  const include = stringList(options.include);
  const root = options.dir ?? options.root ?? config.root;
  if (include === NOT_LITERAL || (root !== undefined && typeof root !== 'string')) {
    return undefined;
  }
  const base = clean(posix.join(file === undefined ? '.' : posix.dirname(file), root ?? '.'));
  const patterns = include ?? VITEST_DEFAULT_INCLUDE.map((p) => p);
  return globCollection(patterns, base, `${file ?? 'vitest defaults'}: ${include === undefined ? 'default include' : `include ${JSON.stringify(include)}`}${root === undefined ? '' : `, root "${root}"`}`);
}

async function mochaConfig(fs: ProjectFs, inline: unknown): Promise<RunnerCollection | undefined> {
  const file = await firstFile(fs, ['.mocharc.js', '.mocharc.cjs', '.mocharc.yaml', '.mocharc.yml', '.mocharc.jsonc', '.mocharc.json']);
  const config = file === undefined ? (asRecord(inline) as ConfigObject | undefined) : await readConfig(fs, file);
  const spec: ConfigValue | undefined = config?.spec;
  const specs = stringList(spec);
  if (specs === undefined || specs === NOT_LITERAL) {
    return undefined;
  }
  const recursive = config?.recursive === true;
  const patterns = specs.map((s) => (/[*?{[]/.test(s) || /\.[cm]?[jt]sx?$/.test(s) ? s : `${s}/${recursive ? '**/' : ''}*`));
  return globCollection(patterns, '.', `${file ?? 'package.json "mocha"'}: spec ${JSON.stringify(specs)}`);
}

/** The globs `node --test` is given in the `test` script (quotes removed); undefined without any. */
function nodeTestGlobs(script: string | undefined): RunnerCollection | undefined {
  const command = script?.split(/&&|\|\||;/).find((part) => /(?:^|\s)--test(?:\s|$)/.test(part));
  const globs = command?.split(/\s+/).map((t) => t.replace(/^["']|["']$/g, '')).filter((t) => !t.startsWith('-') && (/[*?]/.test(t) || /\.[cm]?[jt]sx?$/.test(t)));
  return globs === undefined || globs.length === 0 ? undefined : globCollection(globs, '.', `package.json "test": node --test ${globs.join(' ')}`);
}

/**
 * Which files the project's runner collects, read from its config without running it: jest's
 * `rootDir`, `roots`, `testMatch`/`testRegex` and `testPathIgnorePatterns` (the `--config` of
 * the `test` script, `jest.config.*`, or package.json `jest`; jest's defaults otherwise), vitest's
 * `test.include` and `test.dir`/`root`, mocha's `spec` (`.mocharc.*` or package.json `mocha`),
 * the globs `node --test` is given in the `test` script. Undefined when the runner is unknown or
 * its config cannot be read statically (then any place is accepted).
 */
export async function runnerCollection(fs: ProjectFs, runner: TestRunnerName | undefined): Promise<RunnerCollection | undefined> {
  const text = await fs.readFile('package.json').catch(() => undefined);
  const pkg = packageJsonOrUndefined(text);
  const script = pkg?.scripts.test;
  const raw = asRecord(parseJsonc(text ?? '{}'));
  try {
    switch (runner) {
      case 'jest':
        return await jestConfig(fs, script, pkg?.jest);
      case 'vitest':
        return await vitestConfig(fs, script);
      case 'mocha':
        return await mochaConfig(fs, raw?.mocha);
      case 'node:test':
        return nodeTestGlobs(script);
      default:
        return undefined;
    }
  } catch {
    // A pattern the runner would reject (an invalid testRegex) is no evidence either way.
    return undefined;
  }
}
