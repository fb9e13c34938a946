import type { CodegenOptions } from '../../types';
import type { ImportSpec } from '../imports';

/** How a test runner is imported and how it asserts; one entry per runner. */
export interface RunnerStyle {
  readonly imports: readonly ImportSpec[];
  equal(actual: string, expected: string): string;
  deepEqual(actual: string, expected: string): string;
}

const expectStyle = (imports: readonly ImportSpec[]): RunnerStyle => ({
  imports,
  equal: (a, e) => `expect(${a}).toBe(${e});`,
  deepEqual: (a, e) => `expect(${a}).toEqual(${e});`,
});

const assertStyle = (imports: readonly ImportSpec[]): RunnerStyle => ({
  imports: [...imports, { moduleSpecifier: 'node:assert/strict', defaultName: 'assert' }],
  equal: (a, e) => `assert.equal(${a}, ${e});`,
  deepEqual: (a, e) => `assert.deepEqual(${a}, ${e});`,
});

/** Adding a runner means adding a line here. */
export const RUNNER_STYLES: Readonly<Record<CodegenOptions['testRunner'], RunnerStyle>> = {
  vitest: expectStyle([{ moduleSpecifier: 'vitest', named: [{ name: 'describe' }, { name: 'expect' }, { name: 'it' }] }]),
  jest: expectStyle([]),
  mocha: assertStyle([]),
  'node:test': assertStyle([{ moduleSpecifier: 'node:test', named: [{ name: 'describe' }, { name: 'it' }] }]),
};
