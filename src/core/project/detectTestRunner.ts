import type { PackageJsonInfo } from './packageJson';
import type { AssertionStyle, FrameworkName, HttpTester, ProjectFacts, TestRunnerName, UnknownFact } from './projectFacts';
import type { SampledFile } from './sampleFiles';

export interface TestRunnerResult {
  readonly testRunner?: ProjectFacts['testRunner'];
  readonly httpTester?: HttpTester;
  readonly unknowns: readonly UnknownFact[];
}

const NODE_TEST_SCRIPT = /\bnode\b[^&|;]*\s--test\b|\btsx\b[^&|;]*\s--test\b|\bborp\b/;

function scriptRunner(script: string): TestRunnerName | undefined {
  if (/\bvitest\b/.test(script)) {
    return 'vitest';
  }
  if (/\bjest\b/.test(script)) {
    return 'jest';
  }
  if (/\bmocha\b/.test(script)) {
    return 'mocha';
  }
  return NODE_TEST_SCRIPT.test(script) ? 'node:test' : undefined;
}

function importsOf(tests: readonly SampledFile[], pattern: RegExp): boolean {
  return tests.some((file) => pattern.test(file.text));
}

function assertionFor(runner: TestRunnerName, pkg: PackageJsonInfo, tests: readonly SampledFile[]): AssertionStyle {
  if (runner === 'vitest' || runner === 'jest') {
    return 'expect';
  }
  if (runner === 'mocha' && (pkg.dependencies.has('chai') || importsOf(tests, /from\s+['"]chai['"]|require\(['"]chai['"]\)/))) {
    return 'chai';
  }
  return 'node:assert';
}

function httpTesterFor(framework: FrameworkName | undefined, pkg: PackageJsonInfo): HttpTester | undefined {
  switch (framework) {
    case 'nestjs':
      return 'nest-testing';
    case 'fastify':
      return 'fastify-inject';
    case 'hono':
      return 'hono-request';
    default:
      return pkg.dependencies.has('supertest') ? 'supertest' : undefined;
  }
}

/** A runner Routecraft does not write tests for, seen in a test file's imports (bun:test, deno's std testing). */
function foreignRunner(tests: readonly SampledFile[]): { readonly runner: string; readonly path: string } | undefined {
  for (const file of tests) {
    const runner = /from\s+['"](bun:test|@std\/testing\/bdd|jsr:@std\/testing\/bdd)['"]/.exec(file.text)?.[1];
    if (runner !== undefined) {
      return { runner, path: file.path };
    }
  }
  return undefined;
}

/**
 * The test runner: the `test` script when it names one, else the one runner in package.json,
 * else what the test files import (`node:test`); several or none give an unknown.
 */
export function detectTestRunner(pkg: PackageJsonInfo, tests: readonly SampledFile[], framework: FrameworkName | undefined): TestRunnerResult {
  const installed: TestRunnerName[] = [];
  if (pkg.dependencies.has('vitest')) {
    installed.push('vitest');
  }
  if (pkg.dependencies.has('jest') || pkg.dependencies.has('ts-jest')) {
    installed.push('jest');
  }
  if (pkg.dependencies.has('mocha')) {
    installed.push('mocha');
  }
  const fromScript = scriptRunner(pkg.scripts.test ?? '');
  const fromImports: TestRunnerName | undefined = importsOf(tests, /['"]node:test['"]/) ? 'node:test'
    : importsOf(tests, /from\s+['"]vitest['"]/) ? 'vitest'
      : importsOf(tests, /from\s+['"]@jest\/globals['"]/) ? 'jest' : undefined;
  const runner = fromScript ?? (installed.length === 1 ? installed[0] : undefined) ?? (fromImports !== undefined && (installed.length === 0 || installed.includes(fromImports)) ? fromImports : undefined);
  const httpTester = httpTesterFor(framework, pkg);
  if (runner === undefined) {
    const candidates = installed.length > 0 ? installed : ['vitest', 'jest', 'node:test', 'mocha'];
    const foreign = installed.length > 0 ? undefined : foreignRunner(tests);
    const reason = installed.length > 0
      ? `package.json lists several test runners (${installed.join(', ')}) and the test script does not pick one`
      : foreign !== undefined
        ? `the tests use ${foreign.runner} (${foreign.path}), which Routecraft cannot write tests for: it writes vitest, jest, mocha or node:test tests`
        : 'no test runner in package.json, and no test file shows one';
    return { ...(httpTester ? { httpTester } : {}), unknowns: [{ fact: 'testRunner', candidates, reason }] };
  }
  return { testRunner: { name: runner, assertion: assertionFor(runner, pkg, tests) }, ...(httpTester ? { httpTester } : {}), unknowns: [] };
}
