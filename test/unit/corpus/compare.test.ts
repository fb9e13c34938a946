import assert from 'node:assert/strict';
import { compactSuites, compareOldTests, indexTests, isTestFile, newTypeErrors, parseTscOutput, summarizeGeneratedTests } from '../../../scripts/corpus/compare';
import type { SuiteRun, TestRecord } from '../../../scripts/corpus/types';

function suite(tests: readonly TestRecord[], name = 'test'): SuiteRun {
  return { suite: name, command: 'npm test', runner: 'jest', outcome: 'ran', exitCode: 0, seconds: 1, tests };
}

const t = (file: string, name: string, status: TestRecord['status'], error?: string): TestRecord => ({ file, name, status, ...(error === undefined ? {} : { error }) });

describe('corpus: baseline comparison', () => {
  it('keeps two tests with the same title apart', () => {
    const index = indexTests([suite([t('a.test.ts', 'x', 'passed'), t('a.test.ts', 'x', 'failed')])]);
    assert.deepEqual([...index.keys()], ['a.test.ts › x', 'a.test.ts › x #2']);
  });

  it('counts old tests that passed before and still pass; baseline failures are counted apart', () => {
    const before = [suite([t('a.test.ts', 'one', 'passed'), t('a.test.ts', 'two', 'passed'), t('db.test.ts', 'needs db', 'failed'), t('a.test.ts', 'off', 'skipped')])];
    const after = [suite([t('a.test.ts', 'one', 'passed'), t('a.test.ts', 'two', 'failed'), t('db.test.ts', 'needs db', 'failed')])];
    assert.deepEqual(compareOldTests(before, after), { passedBefore: 2, stillPassing: 1, broken: ['a.test.ts › two'], failingBefore: 1 });
  });

  it('a test that disappeared (its file no longer loads) is broken', () => {
    const before = [suite([t('a.test.ts', 'one', 'passed')])];
    const after = [suite([t('a.test.ts', '(file failed to run)', 'failed')])];
    assert.deepEqual(compareOldTests(before, after).broken, ['a.test.ts › one']);
  });

  it('generated tests are the new tests in files the CLI changed, by status', () => {
    const before = [suite([t('test/app.e2e-spec.ts', 'old', 'passed')])];
    const after = [
      suite([
        t('test/app.e2e-spec.ts', 'old', 'passed'),
        t('test/app.e2e-spec.ts', 'added here', 'passed'),
        t('test/gadgets.e2e-spec.ts', 'creates', 'passed'),
        t('test/gadgets.e2e-spec.ts', 'approves', 'todo'),
        t('test/gadgets.e2e-spec.ts', 'rejects', 'failed', 'expected 400'),
        t('src/other.spec.ts', 'unrelated new', 'passed'),
      ]),
    ];
    const changed = ['test/app.e2e-spec.ts', 'test/gadgets.e2e-spec.ts', 'src/app.module.ts', 'src/gadgets/__tests__/gadgets.ts'];
    const summary = summarizeGeneratedTests(before, after, changed);
    assert.deepEqual(summary, {
      files: ['test/app.e2e-spec.ts', 'test/gadgets.e2e-spec.ts'],
      passed: 2,
      todo: 1,
      failed: 1,
      skipped: 0,
      notRun: ['src/gadgets/__tests__/gadgets.ts'],
      failures: ['test/gadgets.e2e-spec.ts › rejects: expected 400'],
    });
  });

  it('recognises test files by name and folder', () => {
    assert.deepEqual(['a.test.ts', 'a.spec.mts', 'test/app.e2e-spec.ts', 'src/__tests__/x.ts', 'src/app.ts', 'src/testing.ts'].map(isTestFile), [true, true, true, true, false, false]);
  });

  it('a committed suite keeps its failed tests and the counts per status', () => {
    const [compact] = compactSuites([suite([t('a.ts', 'p', 'passed'), t('a.ts', 'f', 'failed', 'x'), t('a.ts', 'l', 'todo'), t('a.ts', 's', 'skipped')])]);
    assert.deepEqual(compact?.counts, { passed: 1, failed: 1, skipped: 1, todo: 1 });
    assert.deepEqual(compact?.tests, [t('a.ts', 'f', 'failed', 'x')]);
  });

  it('reads tsc --pretty false output, global errors included', () => {
    const output = [
      "src/app.ts(12,5): error TS2304: Cannot find name 'x'.",
      'src/app.ts(14,1): error TS2322: Type "a" is not assignable',
      '  to type "b".',
      "error TS5023: Unknown compiler option 'foo'.",
      'Found 3 errors.',
    ].join('\n');
    assert.deepEqual(parseTscOutput(output), [
      { file: 'src/app.ts', line: 12, code: 'TS2304', message: "Cannot find name 'x'." },
      { file: 'src/app.ts', line: 14, code: 'TS2322', message: 'Type "a" is not assignable' },
      { file: '(project)', line: 0, code: 'TS5023', message: "Unknown compiler option 'foo'." },
    ]);
  });

  it('new type errors: a baseline error whose line moved is old; a second copy of it is new', () => {
    const before = [{ file: 'src/app.ts', line: 12, code: 'TS2304', message: "Cannot find name 'x'." }];
    const after = [
      { file: 'src/app.ts', line: 15, code: 'TS2304', message: "Cannot find name 'x'." },
      { file: 'src/app.ts', line: 30, code: 'TS2304', message: "Cannot find name 'x'." },
      { file: 'test/gadgets.test.ts', line: 3, code: 'TS2593', message: "Cannot find name 'it'." },
    ];
    assert.deepEqual(newTypeErrors(before, after), ["src/app.ts(30): TS2304 Cannot find name 'x'.", "test/gadgets.test.ts(3): TS2593 Cannot find name 'it'."]);
  });
});
