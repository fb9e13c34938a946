import type { TestCaseResult } from './runResult';

/** Errors that say the test code itself is wrong (it does not compile, misuses an API). */
const TEST_CODE_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);
const ASSERTION_ERRORS = new Set(['AssertionError', 'JestAssertionError', 'AssertionFailedError', 'ExpectationFailed']);

/**
 * The heuristic behind `suspectedBug`: a failure is an assertion failure (the code under test
 * returned something other than the test expected, which may be a real bug) when
 * - the runner names the error an AssertionError (node:assert, chai, vitest's expect) or the message
 *   carries node:assert's `ERR_ASSERTION` code, or
 * - its first line is jest's/vitest's matcher text (`expect(received).toBe(expected)`,
 *   `expected 1 to be 2`) or node:assert's (`Expected values to be strictly equal`),
 * and it is not a TypeError/ReferenceError/SyntaxError/RangeError (an error in the test's own code,
 * or a wrong use of the API) nor a test timeout. Everything else is a wrong test, not a bug.
 */
export function isAssertionFailure(test: Pick<TestCaseResult, 'error' | 'errorName'>): boolean {
  const error = test.error ?? '';
  const firstLine = error.split('\n', 1)[0] ?? '';
  const name = test.errorName ?? /^([A-Za-z]\w*):/.exec(firstLine)?.[1];
  if (name !== undefined && TEST_CODE_ERRORS.has(name)) {
    return false;
  }
  if (/timed? ?out|Exceeded timeout/i.test(firstLine)) {
    return false;
  }
  if (name !== undefined && ASSERTION_ERRORS.has(name)) {
    return true;
  }
  if (/ERR_ASSERTION/.test(error)) {
    return true;
  }
  return /expect\(received\)|expect\(.*\)\.\w+|\bexpected .+ to |Expected values to be|^Expected: /m.test(error.split('\n').slice(0, 4).join('\n'));
}
