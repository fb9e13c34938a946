import assert from 'node:assert/strict';
import { parseTestPlan } from '../../../src/core/testgen/answer/parseTestPlan';
import { parseTestsOutput, scriptedTestPlan, summarizeTestgen, testgenCell, testgenProblems } from '../../../scripts/corpus/testgen';
import { CorpusEntrySchema, type SuiteRun, type TestgenApplication } from '../../../scripts/corpus/types';

const entry = {
  target: 'src/utils/slug.ts:slugify',
  imports: 'import { strict } from "node:assert";',
  cases: [
    { title: 'lower-cases words', code: 'expect(slugify("Hello World")).toBe("hello-world");' },
    { title: 'drops punctuation', code: '  expect(slugify("a, b!")).toBe("a-b");\n' },
  ],
};

const application = (overrides: Partial<TestgenApplication> = {}): TestgenApplication => ({
  target: entry.target,
  exitCode: 0,
  applied: true,
  counts: { generated: 2, compiled: 2, passed: 2, kept: 2 },
  changedFiles: ['src/utils/__tests__/slug.test.ts'],
  conventions: [],
  seconds: 4,
  ...overrides,
});

const suite = (tests: SuiteRun['tests']): SuiteRun => ({ suite: 'test', command: 'npm test', runner: 'jest', outcome: 'ran', exitCode: 0, seconds: 1, tests });
const old = { file: 'src/a.test.ts', name: 'a › works', status: 'passed' as const };

describe('corpus: Generate Tests on one function per project', () => {
  it('the scripted answer is one the tests command reads back: every case, in order, with its code and the imports', () => {
    const plan = parseTestPlan(scriptedTestPlan(entry), { name: 'jest' });
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(plan.cases.map((c) => [c.id, c.title]), [['c1', 'lower-cases words'], ['c2', 'drops punctuation']]);
    assert.match(plan.cases[1]?.body ?? '', /^expect\(slugify\("a, b!"\)\)\.toBe\("a-b"\);$/);
    assert.equal(plan.imports[0]?.moduleSpecifier, 'node:assert');
    assert.doesNotMatch(scriptedTestPlan({ target: entry.target, cases: entry.cases }), /ts imports/);
  });

  it('an entry names its function as FILE:SYMBOL with at least one case', () => {
    const base = { id: 'x', repo: 'o/n', commit: 'a'.repeat(40), framework: 'express', shape: 's' };
    assert.equal(CorpusEntrySchema.safeParse({ ...base, generateTests: entry }).success, true);
    assert.equal(CorpusEntrySchema.safeParse({ ...base, generateTests: { ...entry, target: 'src/utils/slug.ts' } }).success, false);
    assert.equal(CorpusEntrySchema.safeParse({ ...base, generateTests: { ...entry, cases: [] } }).success, false);
  });

  it('reads the counts, the conventions and why nothing was kept from the command\'s stderr', () => {
    const kept = parseTestsOutput('Tests for slugify: 3 generated, 3 compiled, 2 passed, 2 kept\n  possible bug — "x" fails: y\n  follows the project: test file a.test.ts (like b.test.ts)\n  follows the project: project modules through \'@/\'\n');
    assert.deepEqual(kept.counts, { generated: 3, compiled: 3, passed: 2, kept: 2 });
    assert.deepEqual(kept.conventions, ['test file a.test.ts (like b.test.ts)', "project modules through '@/'"]);
    assert.equal(kept.noneKept, undefined);
    const none = parseTestsOutput('Tests for f: 1 generated, 0 compiled, 0 passed, 0 kept\n  dropped "t": type error TS2304\nNo generated test both compiled and passed twice; nothing to add.\n');
    assert.equal(none.noneKept, 'No generated test both compiled and passed twice; nothing to add. dropped "t": type error TS2304');
  });

  it('a written file whose new tests pass in the project\'s runner is clean; its type errors, failures and an unrun file are not', () => {
    const before = [suite([old])];
    const passing = summarizeTestgen(application(), [], before, [suite([old, { file: 'src/utils/__tests__/slug.test.ts', name: 'slugify › lower-cases words', status: 'passed' }])]);
    assert.deepEqual(testgenProblems({ ...passing, rerunExitCode: 0 }), []);
    assert.equal(testgenCell(passing), '2/2 kept, 1 pass / 0 fail');

    const failing = summarizeTestgen(application(), ['src/utils/__tests__/slug.test.ts(3): TS2304 Cannot find name \'expect\'.', 'src/other.ts(1): TS1 x'], before, [
      suite([old, { file: 'src/utils/__tests__/slug.test.ts', name: 'slugify › t', status: 'failed', error: 'boom' }]),
    ]);
    assert.deepEqual(failing.typeErrors, ["src/utils/__tests__/slug.test.ts(3): TS2304 Cannot find name 'expect'."]);
    const found = testgenProblems(failing);
    assert.equal(found.length, 2);
    assert.match(found[0] ?? '', /1 type error\(s\) in its file/);
    assert.match(found[1] ?? '', /1 kept test\(s\) fail in the project's runner, first: src\/utils\/__tests__\/slug\.test\.ts › slugify › t: boom/);

    const unrun = summarizeTestgen(application(), [], before, before);
    assert.match(testgenProblems(unrun)[0] ?? '', /slug\.test\.ts not run by the project's test commands/);
    assert.match(testgenProblems({ ...passing, rerunExitCode: 1 })[0] ?? '', /second application exited with 1/);
  });

  it('a refusal names the CLI\'s reason; an entry without generateTests adds nothing', () => {
    const refused = summarizeTestgen(application({ applied: false, exitCode: 1, reason: 'Could not tell which test runner this project uses.', changedFiles: [] }), [], [], []);
    assert.equal(refused.tests, undefined);
    assert.deepEqual(testgenProblems(refused), ['Generate Tests on src/utils/slug.ts:slugify wrote nothing: Could not tell which test runner this project uses.']);
    assert.equal(testgenCell(refused), '2/2 kept, none written');
    assert.deepEqual(testgenProblems(undefined), []);
    assert.equal(testgenCell(undefined), '—');
  });
});
