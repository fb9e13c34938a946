import { posix } from 'node:path';
import { createNodeProjectFs, type ProjectFacts, type ProjectFs } from '../../project';
import { testPathLikeNeighbour } from './placeLikeNeighbour';
import { runnerCollection, type RunnerCollection } from './runnerCollects';
import { nearestTests, pairTests, type TestPair } from './testNeighbours';

/** Where the tests of one module live, or would go. */
export interface TestFileLocation {
  /** Root-relative POSIX path of the test file. */
  readonly path: string;
  /** True when the file is already there (tests are added into it). */
  readonly exists: boolean;
  /**
   * How it was found: beside the module or in the mirrored tests folder, a test file named after
   * the module (`__tests__/x.test.ts`), a test file importing the module, or a new file.
   */
  readonly reason: 'colocated' | 'mirrored' | 'tests-module' | 'imports-module' | 'new';
  /** The neighbouring test whose placement was copied (`src/a/__tests__/b.test.ts tests src/a/b.ts`). */
  readonly evidence?: string;
  /** For a new file moved where the runner looks: the runner config that decided it. */
  readonly collectedBy?: string;
}

const TEST_FILES = '**/*.{test,spec}.{ts,tsx,mts,cts,js,mjs,cjs}';
const TS_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Every test file of the project (bounded like project detection). */
export async function listTestFiles(fs: ProjectFs): Promise<readonly string[]> {
  return fs.glob(TEST_FILES, { limit: 500, maxDirs: 400 });
}

/**
 * The test file for `sourceFile`, copying the nearest neighbour: a colocated `x.test.ts` beside
 * `x.ts` or the mirrored path in the tests folder when it exists; a test file named after the
 * module wherever it is (`__tests__/x.test.ts`); the path where the nearest tested module's test
 * sits, copied onto this module (beside it, in `__tests__/`, in the mirrored tree, in a shared test
 * folder), with that test's `.test.ts`/`.spec.ts`; an unpaired test file importing the module;
 * otherwise a new file where the project keeps its tests (`facts.layout`). A new file goes only
 * where the project's runner collects tests (its config's `rootDir`/`roots`/`testMatch`/
 * `testRegex`, `include`, `spec`): when the path above is outside, the first of beside the module,
 * its `__tests__/`, the mirrored tests folder or the mirror in each runner root that the runner
 * collects. `knownPairs`: the project's tests paired with their modules, when the caller already
 * has them.
 */
export async function findTestFile(
  root: string,
  facts: ProjectFacts,
  sourceFile: string,
  fs: ProjectFs = createNodeProjectFs(root),
  knownPairs?: readonly TestPair[],
): Promise<TestFileLocation> {
  const { layout } = facts;
  const suffixes = layout.testSuffix === '.spec.ts' ? ['.spec.ts', '.test.ts'] : ['.test.ts', '.spec.ts'];
  const stem = sourceFile.replace(TS_EXT, '');
  for (const suffix of suffixes) {
    const candidate = `${stem}${suffix}`;
    if (await fs.exists(candidate)) {
      return { path: candidate, exists: true, reason: 'colocated' };
    }
  }
  for (const candidate of mirroredPaths(facts, stem, suffixes)) {
    if (await fs.exists(candidate)) {
      return { path: candidate, exists: true, reason: 'mirrored' };
    }
  }
  const pairs = knownPairs ?? (await pairTests(fs, await listTestFiles(fs)));
  const like = nearestTests(pairs.filter((p) => p.module !== undefined && p.module !== sourceFile), sourceFile)
    .map((pair) => ({ pair, path: testPathLikeNeighbour(pair, sourceFile) }))
    .find((c): c is { pair: TestPair; path: string } => c.path !== undefined);
  const evidence = like === undefined ? {} : { evidence: `${like.pair.test} tests ${like.pair.module ?? ''}` };
  const own = pairs.filter((p) => p.module === sourceFile).sort((a, b) => Number(b.test === like?.path) - Number(a.test === like?.path) || a.test.localeCompare(b.test));
  if (own[0] !== undefined) {
    return { path: own[0].test, exists: true, reason: 'tests-module', evidence: `${own[0].test} is named after ${sourceFile}` };
  }
  if (like !== undefined && (await fs.exists(like.path))) {
    return { path: like.path, exists: true, reason: 'tests-module', ...evidence };
  }
  for (const pair of pairs.filter((p) => p.module === undefined)) {
    if (importsModule(await fs.readFile(pair.test), pair.test, stem, facts.pathAliases)) {
      return { path: pair.test, exists: true, reason: 'imports-module' };
    }
  }
  const collection = await runnerCollection(fs, facts.testRunner?.name);
  if (like !== undefined) {
    return collected({ path: like.path, exists: false, reason: 'new', ...evidence }, collection, facts, stem, suffixes);
  }
  const [suffix = '.test.ts'] = suffixes;
  const path = layout.testsColocated ? `${stem}${suffix}` : (mirroredPaths(facts, stem, [suffix])[0] ?? `${stem}${suffix}`);
  return collected({ path, exists: false, reason: 'new' }, collection, facts, stem, suffixes);
}

/**
 * `location` when the runner collects it (or its config is unknown); else the first alternative
 * it collects, in the order: beside the module, its `__tests__/`, the mirrored tests folder, the
 * mirror under each runner root; `location` itself when none is.
 */
function collected(location: TestFileLocation, collection: RunnerCollection | undefined, facts: ProjectFacts, stem: string, suffixes: readonly string[]): TestFileLocation {
  if (collection === undefined || collection.collects(location.path)) {
    return location;
  }
  const { sourceDir } = facts.layout;
  const inSource = sourceDir !== '.' && stem.startsWith(`${sourceDir}/`) ? stem.slice(sourceDir.length + 1) : stem;
  const ordered = [location.path.endsWith('.spec.ts') ? '.spec.ts' : '.test.ts', ...suffixes];
  const alternatives = [...new Set(ordered)].flatMap((suffix) => [
    `${stem}${suffix}`,
    posix.join(posix.dirname(stem), '__tests__', `${posix.basename(stem)}${suffix}`),
    ...mirroredPaths(facts, stem, [suffix]),
    ...collection.roots.map((r) => posix.join(r, `${inSource}${suffix}`)),
  ]);
  const path = alternatives.find((p) => collection.collects(p));
  return path === undefined ? location : { path, exists: false, reason: 'new', collectedBy: collection.source };
}

/** `test/lib/x.test.ts` for `src/lib/x.ts` (path below the source folder), then `test/x.test.ts`. */
function mirroredPaths(facts: ProjectFacts, stem: string, suffixes: readonly string[]): string[] {
  const { sourceDir, testsDir } = facts.layout;
  const below = sourceDir !== '.' && stem.startsWith(`${sourceDir}/`) ? stem.slice(sourceDir.length + 1) : stem;
  const base = testsDir === '.' ? '' : `${testsDir}/`;
  const stems = [...new Set([`${base}${below}`, `${base}${posix.basename(stem)}`])].filter((s) => s !== stem);
  return stems.flatMap((s) => suffixes.map((suffix) => `${s}${suffix}`));
}

/**
 * Whether `text` (the file at `testPath`) imports the module whose path without extension is
 * `stem`, by a relative path or through one of the project's path aliases (`@/` → `src/`).
 */
export function importsModule(text: string, testPath: string, stem: string, aliases: ProjectFacts['pathAliases'] = []): boolean {
  const specifiers = text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)(['"])([^'"]+)\1/g);
  for (const match of specifiers) {
    const spec = match[2] ?? '';
    const alias = aliases.find((a) => spec.startsWith(a.prefix));
    const path = spec.startsWith('.') ? posix.join(posix.dirname(testPath), spec) : alias === undefined ? undefined : `${alias.target}${spec.slice(alias.prefix.length)}`;
    const resolved = path === undefined ? undefined : posix.normalize(path).replace(TS_EXT, '');
    if (resolved !== undefined && (resolved === stem || `${resolved}/index` === stem)) {
      return true;
    }
  }
  return false;
}
