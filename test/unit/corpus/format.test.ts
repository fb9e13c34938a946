import assert from 'node:assert/strict';
import { consoleRow, corpusList, errorLine, isClean, markdownTable, problems, replaceBetweenMarkers, rowCells } from '../../../scripts/corpus/format';
import { refusalReason } from '../../../scripts/corpus/steps';
import type { ProjectResult, SuiteRun } from '../../../scripts/corpus/types';

const ran: SuiteRun = { suite: 'test', command: 'npm test', runner: 'jest', outcome: 'ran', exitCode: 0, seconds: 3, tests: [] };
const tsc = { command: 'tsc --noEmit', ran: true, exitCode: 0, seconds: 2, errors: [] };
const spec = (name: string, applied: boolean, reason?: string): ProjectResult['specs'][number] => ({
  spec: name,
  exitCode: applied ? 0 : 1,
  applied,
  ...(reason === undefined ? {} : { reason }),
  changedFiles: [],
  seconds: 1,
});

function result(overrides: Partial<ProjectResult> = {}): ProjectResult {
  return {
    id: 'nestjs-starter',
    repo: 'nestjs/typescript-starter',
    commit: 'c4d9330f5513eda0fb5df594f6b34a11fde1a934',
    framework: 'nestjs',
    cli: 'dist/cli.js',
    date: '2026-11-30T10:00:00.000Z',
    seconds: 120,
    baseline: { tsc, suites: [ran] },
    specs: ['01-a.yaml', '02-b.yaml', '03-c.yaml', '04-d.yaml'].map((name) => spec(name, true)),
    after: { tsc, suites: [ran] },
    newTypeErrors: [],
    oldTests: { passedBefore: 2, stillPassing: 2, broken: [], failingBefore: 0 },
    generatedTests: { files: ['test/gadgets.e2e-spec.ts'], passed: 40, todo: 2, failed: 0, skipped: 0, notRun: [], failures: [] },
    rerun: { unchanged: true, changedFiles: [], exitCodes: [0, 0, 0, 0] },
    clean: true,
    ...overrides,
  };
}

describe('corpus: rows and the table', () => {
  it('a clean row', () => {
    assert.equal(isClean(result()), true);
    assert.deepEqual(rowCells(result()), ['nestjs-starter', 'nestjs', '4/4', '0', '2/2', '40 / 2 / 0', '—', 'yes', '120', 'clean']);
    assert.match(consoleRow(result()), /^nestjs-starter\s+nestjs\s+specs 4\/4 .*clean$/);
  });

  it('names each refused spec with the CLI reason, then failing tests and a changing re-run', () => {
    const row = result({
      specs: [spec('01-a.yaml', false, 'Could not find an exported Hono app.'), spec('02-b.yaml', true), spec('03-c.yaml', true), spec('04-d.yaml', true)],
      oldTests: { passedBefore: 5, stillPassing: 4, broken: ['a.test.ts › x'], failingBefore: 3 },
      generatedTests: { files: [], passed: 1, todo: 0, failed: 2, skipped: 0, notRun: ['test/x.spec.ts'], failures: ['g.test.ts › y: boom'] },
      rerun: { unchanged: false, changedFiles: ['src/app.ts'], exitCodes: [0, 0, 0, 0] },
    });
    assert.equal(isClean(row), false);
    assert.deepEqual(problems(row), [
      '01-a refused: Could not find an exported Hono app.',
      '1 old test(s) no longer pass, first: a.test.ts › x',
      '2 generated test(s) fail, first: g.test.ts › y: boom',
      "generated test file(s) not run by the project's test commands: test/x.spec.ts",
      're-run changed src/app.ts',
    ]);
    assert.deepEqual(rowCells(row).slice(2, 8), ['3/4', '0', '4/5 (3 failing before)', '1 / 0 / 2', '—', 'no']);
  });

  it('a stage failure is the whole reason; a suite without a report or with no generated test is not clean', () => {
    const failed = result({ failure: { stage: 'install', reason: 'npm ci exited with 1' }, specs: [], after: undefined, oldTests: undefined, generatedTests: undefined, rerun: undefined });
    assert.deepEqual(rowCells(failed), ['nestjs-starter', 'nestjs', '—', '—', '—', '—', '—', '—', '120', 'install: npm ci exited with 1']);
    const tail = '  at x (a.ts:1:1)\nError: Missing environment variables: PORT\n  at y (b.ts:2:2)';
    const crashed: SuiteRun = { ...ran, command: 'npm test -- --json --outputFile=<tmp>/r.json', outcome: 'no-report', exitCode: 1, outputTail: tail };
    const noReport = result({ baseline: { tsc, suites: [crashed] }, after: { tsc, suites: [{ ...crashed }] } });
    assert.deepEqual(problems(noReport), ['test (baseline): no readable report (exit 1): Error: Missing environment variables: PORT [npm test]']);
    const timedOut = result({ after: { tsc, suites: [{ ...ran, outcome: 'timeout' }] } });
    assert.deepEqual(problems(timedOut), ['test (after the change): timed out [npm test]']);
    const none = result({ generatedTests: { files: [], passed: 0, todo: 0, failed: 0, skipped: 0, notRun: [], failures: [] } });
    assert.deepEqual(problems(none), ['no generated test ran']);
  });

  it('every spec refused for one reason with nothing written: the row is that sentence, counted as not supported', () => {
    const reason = 'the tests use bun:test (src/users.test.ts), which Routecraft cannot write tests for: it writes vitest, jest, mocha or node:test tests. Pass --test-runner (vitest, jest, node:test, mocha).';
    const refused = result({
      specs: ['01-a.yaml', '02-b.yaml'].map((name) => spec(name, false, reason)),
      after: { tsc: { ...tsc, ran: false, exitCode: null }, suites: [{ ...ran, outcome: 'unsupported' }] },
      generatedTests: { files: [], passed: 0, todo: 0, failed: 0, skipped: 0, notRun: [], failures: [] },
    });
    assert.deepEqual(problems(refused), [`not supported: ${reason}`]);
    assert.equal(rowCells(refused)[3], '—', 'no type check ran: no count of new errors');
    assert.match(markdownTable([result(), refused]), /Totals: 1\/2 rows clean \(1 not supported, with the CLI's reason\); 4\/6 spec applications/);
    const mixed = result({ specs: [spec('01-a.yaml', false, reason), spec('02-b.yaml', false, 'another reason')] });
    assert.equal(problems(mixed).length, 2, 'different reasons are listed one by one');
  });

  it('a suite that lingered after its report: a note when the baseline did it too, a problem when only after the change', () => {
    const lingered: SuiteRun = { ...ran, suite: 'test:e2e', stoppedAfterReport: 20 };
    const both = result({ baseline: { tsc, suites: [lingered] }, after: { tsc, suites: [{ ...lingered }] } });
    assert.equal(isClean(both), true);
    assert.equal(rowCells(both)[9], "clean; note: test:e2e did not exit after writing its report, before the change too (open handles in the project's own tests); stopped 20 s after it");
    const onlyAfter = result({ baseline: { tsc, suites: [{ ...ran, suite: 'test:e2e' }] }, after: { tsc, suites: [lingered] } });
    assert.deepEqual(problems(onlyAfter), ['test:e2e (after the change): did not exit after writing its report (open handles), only after the change']);
  });

  it('the Markdown table escapes pipes and ends with totals', () => {
    const table = markdownTable([result(), result({ id: 'b', newTypeErrors: ['src/a.ts(1): TS1 x | y'] })]);
    const lines = table.split('\n');
    assert.equal(lines[0], '| project | framework | specs applied | new tsc errors | old tests passing | generated pass / todo / fail | Generate Tests | re-run unchanged | seconds | result |');
    assert.match(lines[3] ?? '', /x \\\| y/);
    assert.equal(lines[lines.length - 1], 'Rows from the CLI built at `unknown`, run 2026-11-30.');
    assert.equal(lines[lines.length - 2], 'Totals: 1/2 rows clean; 8/8 spec applications; generated tests 80 passing, 4 todo, 0 failing; 1 new type errors; 0 old tests broken.');
  });

  it('replaces only the text between the markers and refuses a document without them', () => {
    const doc = 'head\n<!-- corpus:table:start -->\nold\n<!-- corpus:table:end -->\ntail\n';
    assert.equal(replaceBetweenMarkers(doc, 'table', 'new'), 'head\n<!-- corpus:table:start -->\nnew\n<!-- corpus:table:end -->\ntail\n');
    assert.throws(() => replaceBetweenMarkers('no markers', 'table', 'x'), /no <!-- corpus:table:start -->/);
  });

  it('lists the corpus with the pinned commit and why (notes when why is missing)', () => {
    const list = corpusList([{ id: 'm', repo: 'o/n', commit: 'a'.repeat(40), framework: 'hono', shape: 'turbo', subdir: 'apps/api', notes: 'a monorepo' }]);
    assert.equal(list.split('\n')[2], `| m | [o/n](https://github.com/o/n/tree/${'a'.repeat(40)}/apps/api) | \`aaaaaaaaaaaa\` | hono | turbo | a monorepo |`);
  });

  it('finds the error line of an install or a test run', () => {
    assert.equal(errorLine('npm warn deprecated x\nnpm ERR! code ERESOLVE\nnpm ERR! peer dep\n'), 'npm ERR! code ERESOLVE');
    assert.equal(errorLine('npm error code E404\nnpm error 404 Not Found'), 'npm error code E404');
    assert.equal(errorLine('done in 3s\nexit 1'), 'exit 1');
  });

  it("takes the CLI's one-sentence reason from its output", () => {
    assert.equal(refusalReason('[warn] x\nroutecraft: Could not find an exported Fastify app.\nNothing was written.\n'), 'Could not find an exported Fastify app.');
    assert.equal(refusalReason('routecraft: the spec could not be used; nothing was written:\n  - a: bad\n  - b: worse\nnext'), 'the spec could not be used; nothing was written: - a: bad - b: worse');
    assert.equal(refusalReason('file.js:1\nTypeError: x is not a function\n    at y\n'), 'TypeError: x is not a function');
  });
});
