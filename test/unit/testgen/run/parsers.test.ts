import assert from 'node:assert/strict';
import { isAssertionFailure } from '../../../../src/core/testgen/run/isAssertionFailure';
import { parseMochaJson } from '../../../../src/core/testgen/run/parseMochaJson';
import { parseTap } from '../../../../src/core/testgen/run/parseTap';

describe('runner report parsers', () => {
  it('reads nested node:test TAP, skipping suites and keeping error name and message', () => {
    const tap = [
      'TAP version 13', '# Subtest: pricing', '    # Subtest: adds', '    ok 1 - adds', '      ---', '      duration_ms: 1.4', '      ...',
      '    # Subtest: fails', '    not ok 2 - fails', '      ---', '      duration_ms: 2', "      failureType: 'testCodeFailure'",
      '      error: |-', '        Expected values to be strictly equal:', '        ', '        1 !== 2', "      code: 'ERR_ASSERTION'",
      "      name: 'AssertionError'", '      stack: |-', '        TestContext.<anonymous> (/x/test/p.test.ts:6:28)', '      ...',
      '    # Subtest: later', '    ok 3 - later # SKIP', '      ---', '      duration_ms: 0.1', '      ...', '    1..3',
      'not ok 1 - pricing', '  ---', "  type: 'suite'", "  failureType: 'subtestsFailed'", '  ...', '1..1',
    ].join('\n');
    const report = parseTap(tap, 'test/p.test.ts');
    assert.equal(report.fileError, undefined);
    assert.deepEqual(report.tests.map((t) => [t.fullTitle, t.status, t.errorName]), [
      ['pricing adds', 'passed', undefined], ['pricing fails', 'failed', 'AssertionError'], ['pricing later', 'skipped', undefined],
    ]);
    assert.equal(report.tests[1]?.error, 'AssertionError: Expected values to be strictly equal:\n\n1 !== 2\n  at TestContext.<anonymous> (/x/test/p.test.ts:6:28)');
  });

  it('reads the diagnostics as YAML: double-quoted escapes, nested values, folded blocks', () => {
    const tap = [
      'TAP version 13', '# Subtest: quoted', 'not ok 1 - quoted', '  ---', '  duration_ms: 3', "  failureType: 'testCodeFailure'",
      '  error: "first line\\nsecond: \\"quoted\\""', '  expected:', '    a: 1', '  actual:', '    a: 2', "  name: 'AssertionError'",
      '  stack: >-', '    TestContext.<anonymous>', '    (/x/test/q.test.ts:3:1)', '  ...', '1..1',
    ].join('\n');
    const [test] = parseTap(tap, 'test/q.test.ts').tests;
    assert.equal(test?.status, 'failed');
    assert.equal(test?.durationMs, 3);
    assert.equal(test?.error, 'AssertionError: first line\nsecond: "quoted"\n  at TestContext.<anonymous> (/x/test/q.test.ts:3:1)');
  });

  it('reads mocha JSON for the candidate file only, a failing hook as the file error', () => {
    const test = (title: string, file: string, err?: object): object => ({ title, fullTitle: `s ${title}`, file, duration: 3, err: err ?? {} });
    const json = JSON.stringify({
      passes: [test('ok', '/o/test/new.test.ts'), test('other', '/o/test/old.test.ts')],
      failures: [test('bad', '/o/test/new.test.ts', { message: 'x', stack: 'TypeError: x is not a function\n    at /o/test/new.test.ts:3:1' })],
      pending: [],
    });
    const report = parseMochaJson(json, 'test/new.test.ts');
    assert.deepEqual(report?.tests.map((t) => [t.fullTitle, t.status, t.errorName]), [['s ok', 'passed', undefined], ['s bad', 'failed', 'TypeError']]);
    assert.equal(parseMochaJson('not json', 'a'), undefined);
  });

  it('suspects a bug only for assertion failures', () => {
    const cases: [string | undefined, string, boolean][] = [
      [undefined, 'AssertionError: expected 1 to be 2 // Object.is equality', true],
      [undefined, 'Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 2\nReceived: 1', true],
      ['AssertionError', 'Expected values to be strictly equal:\n\n1 !== 2', true],
      [undefined, 'ReferenceError: roundTo is not defined', false],
      ['TypeError', "Cannot read properties of undefined (reading 'x')", false],
      [undefined, 'SyntaxError: Unexpected token', false],
      [undefined, 'Error: Test timed out in 5000ms.', false],
      [undefined, 'Error: connect ECONNREFUSED 127.0.0.1:5432', false],
    ];
    for (const [errorName, error, expected] of cases) {
      assert.equal(isAssertionFailure(errorName ? { error, errorName } : { error }), expected, error);
    }
  });
});
