import { posix } from 'node:path';
import type { ProjectFs } from '../../project';
import { importSpecifiers } from '../../project/codeScan';
import { isTestPath } from '../../project/sampleFiles';

/** An existing test file and the module it tests (undefined when no module matches its name). */
export interface TestPair {
  /** Root-relative path of the test file. */
  readonly test: string;
  /** Root-relative path of the module it tests: the source file named like it (`x.test.ts` → `x.ts`). */
  readonly module: string | undefined;
  /** `.test.ts` or `.spec.ts`. */
  readonly suffix: '.test.ts' | '.spec.ts';
}

const CODE_FILES = '**/*.{ts,tsx,mts,cts,js,mjs,cjs}';
const CODE_EXT = /\.(?:[cm]?[jt]sx?)$/;
const TEST_SUFFIX = /[.-](test|spec)\.[cm]?[jt]sx?$/;

/** `userService` for `src/api/user/__tests__/userService.test.ts`; `auth.service` for `auth.service.spec.ts`. */
export function testStem(test: string): string {
  return posix.basename(test).replace(TEST_SUFFIX, '');
}

/** The directory segments shared from the start (`src/a/b`, `src/a/c` → 2). */
export function sharedDepth(a: string, b: string): number {
  const left = a === '.' ? [] : a.split('/');
  const right = b === '.' ? [] : b.split('/');
  let n = 0;
  while (n < left.length && n < right.length && left[n] === right[n]) {
    n += 1;
  }
  return n;
}

/** Every non-test code file of the project (bounded like detection), by base name without extension. */
async function sourcesByStem(fs: ProjectFs): Promise<Map<string, string[]>> {
  const byStem = new Map<string, string[]>();
  for (const file of await fs.glob(CODE_FILES, { limit: 3000, maxDirs: 400 })) {
    if (isTestPath(file) || file.endsWith('.d.ts') || /(?:^|\/)[^/]*\.config\.[cm]?[jt]s$/.test(file)) {
      continue;
    }
    const stem = posix.basename(file).replace(CODE_EXT, '');
    byStem.set(stem, [...(byStem.get(stem) ?? []), file]);
  }
  return byStem;
}

/**
 * Pairs each test file with the module it tests: the source file with the test's name
 * (`userService.test.ts` → `userService.ts`); among several, the one the test imports, else the
 * one closest to the test. Reads the test files' text only to break ties.
 */
export async function pairTests(fs: ProjectFs, tests: readonly string[]): Promise<TestPair[]> {
  const byStem = await sourcesByStem(fs);
  const pairs: TestPair[] = [];
  for (const test of tests) {
    const suffix = /[.-]spec\.[cm]?[jt]sx?$/.test(test) ? '.spec.ts' : '.test.ts';
    const candidates = byStem.get(testStem(test)) ?? [];
    let module = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length > 1) {
      const specifiers = importSpecifiers(await fs.readFile(test).catch(() => ''));
      const imported = candidates.filter((c) => specifiers.some((s) => s.replace(CODE_EXT, '').endsWith(`/${c.replace(CODE_EXT, '').split('/').slice(-2).join('/')}`)));
      module = imported.length === 1 ? imported[0] : closest(candidates, posix.dirname(test));
    }
    pairs.push({ test, module, suffix });
  }
  return pairs;
}

/** The file whose folder shares most with `dir`; undefined on a tie. */
function closest(files: readonly string[], dir: string): string | undefined {
  const scored = files.map((f) => ({ f, n: sharedDepth(posix.dirname(f), dir) })).sort((a, b) => b.n - a.n);
  const [first, second] = scored;
  return first !== undefined && (second === undefined || second.n < first.n) ? first.f : undefined;
}

/** The test files nearest to `file` first: same folder tree first, then by path. */
export function nearestTests(pairs: readonly TestPair[], file: string): TestPair[] {
  const dir = posix.dirname(file);
  const score = (p: TestPair): number => Math.max(sharedDepth(posix.dirname(p.module ?? p.test), dir), sharedDepth(posix.dirname(p.test), dir));
  return [...pairs].sort((a, b) => score(b) - score(a) || a.test.localeCompare(b.test));
}
