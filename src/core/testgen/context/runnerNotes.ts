import type { AssertionStyle, TestRunnerName } from '../../project';
import type { RunnerApiImport } from './runnerApiImport';

/**
 * How tests are written with one runner: what the model must (and must not) use. `api` says
 * whether this project's tests import describe/it/expect (and from where) or use them as globals.
 */
export function runnerNotes(runner: TestRunnerName, assertion: AssertionStyle | undefined, api?: RunnerApiImport): string[] {
  switch (runner) {
    case 'vitest':
      return [
        api !== undefined && api.module === undefined
          ? 'describe, it, expect and vi are globals in this project (vitest globals): do not import them.'
          : "Import the test API from 'vitest': import { describe, it, expect, vi } from 'vitest' (only what you use).",
        'Mocks and spies: vi.fn(), vi.spyOn(), vi.mock(); never jest.fn / jest.mock / @jest/globals.',
        'Assertions: expect(x).toBe / toEqual / toThrow / rejects.toThrow.',
      ];
    case 'jest':
      return [
        api?.module === '@jest/globals'
          ? "Import the test API from '@jest/globals' like the project's tests: import { describe, it, expect, jest } from '@jest/globals' (only what you use)."
          : 'describe, it, expect and jest are globals (from @types/jest): do not import them.',
        'Mocks and spies: jest.fn(), jest.spyOn(), jest.mock(); never vi.fn or anything from vitest.',
        'Assertions: expect(x).toBe / toEqual / toThrow / rejects.toThrow.',
      ];
    case 'mocha':
      return assertion === 'chai'
        ? ["describe and it are mocha globals; assertions with chai: import { expect } from 'chai'; expect(x).to.equal(y), .to.deep.equal, .to.throw.", 'No jest or vitest APIs (no jest.fn, no vi.fn, no expect(x).toBe).']
        : ["describe and it are mocha globals; assertions with node:assert: import assert from 'node:assert/strict'; assert.equal, assert.deepEqual, assert.throws, assert.rejects.", 'No jest or vitest APIs (no jest.fn, no vi.fn, no expect).'];
    case 'node:test':
      return [
        "Import the test API from 'node:test': import { describe, it, mock } from 'node:test' (only what you use).",
        "Assertions with node:assert: import assert from 'node:assert/strict'; assert.equal, assert.deepEqual, assert.throws, await assert.rejects.",
        'Mocks: mock.fn() / mock.method() from node:test; no jest, vitest, expect or chai.',
      ];
  }
}
