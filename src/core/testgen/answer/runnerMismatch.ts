import type { AssertionStyle, TestRunnerName } from '../../project';

/** Test APIs a case can use; each belongs to one runner. */
type ForeignApi = 'jest' | 'vitest' | 'node:test' | 'mocha' | 'expect';

const API_LABEL: Record<ForeignApi, string> = {
  jest: "jest's API",
  vitest: "vitest's API",
  'node:test': "node:test's API",
  mocha: "mocha's API",
  expect: 'expect-style assertions',
};

/** The runner a test-API module belongs to. */
const MODULE_API: Readonly<Record<string, ForeignApi>> = {
  '@jest/globals': 'jest',
  vitest: 'vitest',
  'node:test': 'node:test',
  mocha: 'mocha',
};

/** Global objects that only one runner provides. */
const GLOBAL_API: Readonly<Record<string, ForeignApi>> = { jest: 'jest', vi: 'vitest' };

/** The runner-specific API a module import brings, when it is not the project's runner's. */
export function foreignModule(moduleSpecifier: string, runner: TestRunnerName): ForeignApi | undefined {
  const api = MODULE_API[moduleSpecifier];
  return api !== undefined && api !== runner ? api : undefined;
}

/**
 * Why a case cannot run with the project's runner, e.g. "uses jest's API in a vitest project
 * (jest)"; undefined when it fits. `used` are the identifiers the case refers to; `imported` the
 * names the answer's imports bring (`expect` from chai counts as provided).
 */
export function runnerMismatch(used: ReadonlySet<string>, imported: ReadonlySet<string>, runner: TestRunnerName, assertion: AssertionStyle | undefined): string | undefined {
  for (const [name, api] of Object.entries(GLOBAL_API)) {
    if (used.has(name) && !imported.has(name) && api !== runner) {
      return `uses ${API_LABEL[api]} in a ${runner} project (${name})`;
    }
  }
  const expectMissing = (runner === 'node:test' || (runner === 'mocha' && assertion !== 'chai')) && used.has('expect') && !imported.has('expect');
  if (expectMissing) {
    return `uses ${API_LABEL.expect} in a ${runner} project (use node:assert)`;
  }
  return undefined;
}

/** The reason for a case that uses names imported from another runner's module. */
export function foreignImportReason(api: ForeignApi, runner: TestRunnerName, names: readonly string[]): string {
  return `uses ${API_LABEL[api]} in a ${runner} project (${names.join(', ')})`;
}
