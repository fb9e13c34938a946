import path from 'node:path';
import { commonAncestor } from './commonAncestor';
import type { FrameworkName, ProjectLayout } from './projectFacts';

type TestLayout = Pick<ProjectLayout, 'testsDir' | 'testSuffix' | 'testsColocated'>;

const SEPARATE_SEGMENT = /^(?:test|tests|__tests__|e2e)$/;
const TEST_NAME = /[.-](?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/;

/** The folder most test files share when it holds a majority, else the folder above them all. */
function testFolder(dirs: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const dir of dirs) {
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (top && top[1] * 2 > dirs.length) {
    return top[0];
  }
  const ancestor = commonAncestor(dirs);
  return ancestor === '.' ? 'test' : ancestor;
}

/**
 * Where tests go, from the existing test files: colocated (`src/users.test.ts`, the majority
 * of test files inside the source folder and outside any test folder; ties count as colocated)
 * or in the folder most of them share (`test/routes`), else the folder above them (`test` for
 * `test/users`, `test/orders`). `.spec.ts` when most are specs. Without
 * tests: `test/` and `.test.ts`, or NestJS's colocated `.spec.ts`.
 */
export function detectTestLayout(sampled: readonly string[], sourceDir: string, framework: FrameworkName | undefined): TestLayout {
  // Files in a test folder without a test name (`test/factories/make-user.ts`, `test/setup.ts`)
  // are helpers: where named tests exist, only they decide colocated or separate and the suffix;
  // the folder of separate tests is read from every file of the test tree (a bounded sample may
  // hold one named test deep in it).
  const named = sampled.filter((file) => TEST_NAME.test(file));
  const tests = named.length > 0 ? named : sampled;
  if (tests.length === 0) {
    return framework === 'nestjs'
      ? { testsDir: sourceDir, testSuffix: '.spec.ts', testsColocated: true }
      : { testsDir: 'test', testSuffix: '.test.ts', testsColocated: false };
  }
  const isSeparate = (file: string): boolean => {
    const inSource = sourceDir !== '.' && file.startsWith(`${sourceDir}/`);
    const inTestFolder = path.posix.dirname(file).split('/').some((segment) => SEPARATE_SEGMENT.test(segment));
    return !inSource || inTestFolder;
  };
  const separate = tests.filter(isSeparate);
  const colocated = tests.length - separate.length;
  const specs = tests.filter((file) => /[.-](?:e2e-)?spec\.[cm]?tsx?$/.test(file)).length;
  const testSuffix = specs > tests.length - specs ? '.spec.ts' : '.test.ts';
  if (colocated >= separate.length) {
    return { testsDir: sourceDir, testSuffix, testsColocated: true };
  }
  return { testsDir: testFolder(sampled.filter(isSeparate).map((file) => path.posix.dirname(file))), testSuffix, testsColocated: false };
}
