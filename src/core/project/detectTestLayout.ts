import path from 'node:path';
import type { FrameworkName, ProjectLayout } from './projectFacts';

type TestLayout = Pick<ProjectLayout, 'testsDir' | 'testSuffix' | 'testsColocated'>;

const SEPARATE_SEGMENT = /^(?:test|tests|__tests__|e2e)$/;

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * Where tests go, from the existing test files: colocated (`src/users.test.ts`, the majority
 * of test files inside the source folder and outside any test folder; ties count as colocated)
 * or in the folder most of them share (`test/routes`). `.spec.ts` when most are specs. Without
 * tests: `test/` and `.test.ts`, or NestJS's colocated `.spec.ts`.
 */
export function detectTestLayout(tests: readonly string[], sourceDir: string, framework: FrameworkName | undefined): TestLayout {
  if (tests.length === 0) {
    return framework === 'nestjs'
      ? { testsDir: sourceDir, testSuffix: '.spec.ts', testsColocated: true }
      : { testsDir: 'test', testSuffix: '.test.ts', testsColocated: false };
  }
  const colocated: string[] = [];
  const separate: string[] = [];
  for (const file of tests) {
    const inSource = sourceDir !== '.' && file.startsWith(`${sourceDir}/`);
    const inTestFolder = path.posix.dirname(file).split('/').some((segment) => SEPARATE_SEGMENT.test(segment));
    (inSource && !inTestFolder ? colocated : separate).push(file);
  }
  const specs = tests.filter((file) => /[.-](?:e2e-)?spec\.[cm]?tsx?$/.test(file)).length;
  const testSuffix = specs > tests.length - specs ? '.spec.ts' : '.test.ts';
  if (colocated.length >= separate.length) {
    return { testsDir: sourceDir, testSuffix, testsColocated: true };
  }
  return { testsDir: mostCommon(separate.map((file) => path.posix.dirname(file))) ?? 'test', testSuffix, testsColocated: false };
}
