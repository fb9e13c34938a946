import type { CodegenOptions } from '../../types';
import type { ImportSpec } from '../imports';

/** How a test runner is imported and how it asserts; one entry per runner. */
export interface RunnerStyle {
  readonly imports: readonly ImportSpec[];
  /** Suite-level hooks (`before`/`after`, `beforeAll`/`afterAll`) and what importing them takes. */
  readonly hooks: { readonly before: string; readonly after: string; readonly imports: readonly ImportSpec[] };
  equal(actual: string, expected: string): string;
  deepEqual(actual: string, expected: string): string;
  /**
   * A test that is listed but not run, so the suite stays green and the work stays visible
   * (`it.todo('…')`, mocha's pending `it('…')`). `title` is a string literal.
   */
  todo(title: string): string;
}

type Hooks = RunnerStyle['hooks'];

const itTodo = (title: string): string => `it.todo(${title});`;

const expectStyle = (imports: readonly ImportSpec[], hooks: Hooks): RunnerStyle => ({
  imports,
  hooks,
  todo: itTodo,
  equal: (a, e) => `expect(${a}).toBe(${e});`,
  deepEqual: (a, e) => `expect(${a}).toEqual(${e});`,
});

const assertStyle = (imports: readonly ImportSpec[], hooks: Hooks, todo: RunnerStyle['todo']): RunnerStyle => ({
  imports: [...imports, { moduleSpecifier: 'node:assert/strict', defaultName: 'assert' }],
  hooks,
  todo,
  equal: (a, e) => `assert.equal(${a}, ${e});`,
  deepEqual: (a, e) => `assert.deepEqual(${a}, ${e});`,
});

/** Adding a runner means adding a line here. */
export const RUNNER_STYLES: Readonly<Record<CodegenOptions['testRunner'], RunnerStyle>> = {
  vitest: expectStyle([{ moduleSpecifier: 'vitest', named: [{ name: 'describe' }, { name: 'expect' }, { name: 'it' }] }],
    { before: 'beforeAll', after: 'afterAll', imports: [{ moduleSpecifier: 'vitest', named: [{ name: 'afterAll' }, { name: 'beforeAll' }] }] }),
  jest: expectStyle([], { before: 'beforeAll', after: 'afterAll', imports: [] }),
  // A mocha test without a function is pending.
  mocha: assertStyle([], { before: 'before', after: 'after', imports: [] }, (title) => `it(${title});`),
  'node:test': assertStyle([{ moduleSpecifier: 'node:test', named: [{ name: 'describe' }, { name: 'it' }] }],
    { before: 'before', after: 'after', imports: [{ moduleSpecifier: 'node:test', named: [{ name: 'after' }, { name: 'before' }] }] }, itTodo),
};
