import type { CodegenOptions } from '../../types';
import type { ImportSpec } from '../imports';

/** How a test runner is imported and how it asserts; one entry per runner. */
export interface RunnerStyle {
  readonly imports: readonly ImportSpec[];
  /** Suite-level hooks (`before`/`after`, `beforeAll`/`afterAll`) and what importing them takes. */
  readonly hooks: { readonly before: string; readonly after: string; readonly imports: readonly ImportSpec[] };
  equal(actual: string, expected: string): string;
  deepEqual(actual: string, expected: string): string;
}

type Hooks = RunnerStyle['hooks'];

const expectStyle = (imports: readonly ImportSpec[], hooks: Hooks): RunnerStyle => ({
  imports,
  hooks,
  equal: (a, e) => `expect(${a}).toBe(${e});`,
  deepEqual: (a, e) => `expect(${a}).toEqual(${e});`,
});

const assertStyle = (imports: readonly ImportSpec[], hooks: Hooks): RunnerStyle => ({
  imports: [...imports, { moduleSpecifier: 'node:assert/strict', defaultName: 'assert' }],
  hooks,
  equal: (a, e) => `assert.equal(${a}, ${e});`,
  deepEqual: (a, e) => `assert.deepEqual(${a}, ${e});`,
});

/** Adding a runner means adding a line here. */
export const RUNNER_STYLES: Readonly<Record<CodegenOptions['testRunner'], RunnerStyle>> = {
  vitest: expectStyle([{ moduleSpecifier: 'vitest', named: [{ name: 'describe' }, { name: 'expect' }, { name: 'it' }] }],
    { before: 'beforeAll', after: 'afterAll', imports: [{ moduleSpecifier: 'vitest', named: [{ name: 'afterAll' }, { name: 'beforeAll' }] }] }),
  jest: expectStyle([], { before: 'beforeAll', after: 'afterAll', imports: [] }),
  mocha: assertStyle([], { before: 'before', after: 'after', imports: [] }),
  'node:test': assertStyle([{ moduleSpecifier: 'node:test', named: [{ name: 'describe' }, { name: 'it' }] }],
    { before: 'before', after: 'after', imports: [{ moduleSpecifier: 'node:test', named: [{ name: 'after' }, { name: 'before' }] }] }),
};
