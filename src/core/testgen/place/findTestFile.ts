import { posix } from 'node:path';
import { createNodeProjectFs, type ProjectFacts, type ProjectFs } from '../../project';

/** Where the tests of one module live, or would go. */
export interface TestFileLocation {
  /** Root-relative POSIX path of the test file. */
  readonly path: string;
  /** True when the file is already there (tests are added into it). */
  readonly exists: boolean;
  /** How it was found: the project's convention, an import of the module, or a new file. */
  readonly reason: 'colocated' | 'mirrored' | 'imports-module' | 'new';
}

const TEST_FILES = '**/*.{test,spec}.{ts,tsx,mts,cts,js,mjs,cjs}';
const TS_EXT = /\.(?:[cm]?[jt]sx?)$/;

/** Every test file of the project (bounded like project detection). */
export async function listTestFiles(fs: ProjectFs): Promise<readonly string[]> {
  return fs.glob(TEST_FILES, { limit: 500, maxDirs: 400 });
}

/**
 * The test file for `sourceFile` by the project's convention: a colocated `x.test.ts`/`x.spec.ts`
 * beside `x.ts`, the mirrored path in the tests folder, or any test file importing the module;
 * otherwise a new file where the project keeps its tests (`facts.layout`).
 */
export async function findTestFile(root: string, facts: ProjectFacts, sourceFile: string, fs: ProjectFs = createNodeProjectFs(root)): Promise<TestFileLocation> {
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
  for (const test of await listTestFiles(fs)) {
    if (importsModule(await fs.readFile(test), test, stem)) {
      return { path: test, exists: true, reason: 'imports-module' };
    }
  }
  const [suffix = '.test.ts'] = suffixes;
  const path = layout.testsColocated ? `${stem}${suffix}` : (mirroredPaths(facts, stem, [suffix])[0] ?? `${stem}${suffix}`);
  return { path, exists: false, reason: 'new' };
}

/** `test/lib/x.test.ts` for `src/lib/x.ts` (path below the source folder), then `test/x.test.ts`. */
function mirroredPaths(facts: ProjectFacts, stem: string, suffixes: readonly string[]): string[] {
  const { sourceDir, testsDir } = facts.layout;
  const below = sourceDir !== '.' && stem.startsWith(`${sourceDir}/`) ? stem.slice(sourceDir.length + 1) : stem;
  const base = testsDir === '.' ? '' : `${testsDir}/`;
  const stems = [...new Set([`${base}${below}`, `${base}${posix.basename(stem)}`])].filter((s) => s !== stem);
  return stems.flatMap((s) => suffixes.map((suffix) => `${s}${suffix}`));
}

/** Whether `text` (the file at `testPath`) imports the module whose path without extension is `stem`. */
export function importsModule(text: string, testPath: string, stem: string): boolean {
  const specifiers = text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\1/g);
  for (const match of specifiers) {
    const spec = match[2] ?? '';
    const resolved = posix.normalize(posix.join(posix.dirname(testPath), spec)).replace(TS_EXT, '');
    if (resolved === stem || `${resolved}/index` === stem) {
      return true;
    }
  }
  return false;
}
