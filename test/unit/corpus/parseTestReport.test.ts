import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJestReport, parseMochaReport, parseNodeTestEvents, parseTestReport } from '../../../scripts/corpus/parseTestReport';

const ROOT = '/tmp/project';

describe('corpus: test report parsers', () => {
  it('reads a jest --json report: statuses, suite titles, relative files, a file that failed to run', () => {
    const report = {
      testResults: [
        {
          name: `${ROOT}/src/app.spec.ts`,
          status: 'failed',
          message: '',
          assertionResults: [
            { ancestorTitles: ['App', 'get'], title: 'returns 200', status: 'passed', failureMessages: [] },
            { ancestorTitles: ['App'], title: 'rejects', status: 'failed', failureMessages: ['\u001b[31mError: expected 400\u001b[39m\n    at x (a.ts:1:1)'] },
            { ancestorTitles: ['App'], title: 'later', status: 'todo', failureMessages: [] },
            { ancestorTitles: ['App'], title: 'off', status: 'pending', failureMessages: [] },
          ],
        },
        { name: `${ROOT}/test/broken.e2e-spec.ts`, status: 'failed', message: '  ● Test suite failed to run\n\n    Cannot find module', assertionResults: [] },
      ],
    };
    assert.deepEqual(parseJestReport(JSON.stringify(report), ROOT), [
      { file: 'src/app.spec.ts', name: 'App › get › returns 200', status: 'passed' },
      { file: 'src/app.spec.ts', name: 'App › rejects', status: 'failed', error: 'Error: expected 400' },
      { file: 'src/app.spec.ts', name: 'App › later', status: 'todo' },
      { file: 'src/app.spec.ts', name: 'App › off', status: 'skipped' },
      { file: 'test/broken.e2e-spec.ts', name: '(file failed to run)', status: 'failed', error: '● Test suite failed to run' },
    ]);
  });

  it('reads vitest json (same shape, skipped and todo) and refuses text that is not a report', () => {
    const report = { testResults: [{ name: `${ROOT}/src/a.test.ts`, status: 'passed', assertionResults: [{ ancestorTitles: [], title: 't', status: 'skipped' }, { ancestorTitles: ['s'], title: 'u', status: 'todo' }] }] };
    assert.deepEqual(parseTestReport('vitest', JSON.stringify(report), ROOT)?.map((t) => [t.name, t.status]), [['t', 'skipped'], ['s › u', 'todo']]);
    assert.equal(parseJestReport('Error: jest crashed', ROOT), undefined);
    assert.equal(parseJestReport('{"numTotalTests": 1}', ROOT), undefined);
  });

  it('reads mocha json after console output, pending as todo, files relative', () => {
    const report = {
      passes: [{ title: 'ok', fullTitle: 'api ok', file: `${ROOT}/test/api.test.ts`, err: {} }],
      failures: [{ title: 'bad', fullTitle: 'api bad', file: `${ROOT}/test/api.test.ts`, err: { message: 'expected 200, got 500\nmore' } }],
      pending: [{ title: 'todo', fullTitle: 'api todo', file: `${ROOT}/test/api.test.ts`, err: {} }],
    };
    const text = `server listening on 3000\n${JSON.stringify(report, null, 2)}`;
    assert.deepEqual(parseMochaReport(text, ROOT), [
      { file: 'test/api.test.ts', name: 'api ok', status: 'passed' },
      { file: 'test/api.test.ts', name: 'api bad', status: 'failed', error: 'expected 200, got 500' },
      { file: 'test/api.test.ts', name: 'api todo', status: 'todo' },
    ]);
    assert.equal(parseMochaReport('server listening on 3000', ROOT), undefined);
  });

  it('reads node:test through the corpus reporter: nesting, todo, skip, a failed file, suites left out', function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'corpus-node-reporter-'));
    try {
      writeFileSync(join(dir, 'a.test.mjs'), [
        "import { describe, it, test } from 'node:test';",
        "describe('suite a', () => { it('works', () => {}); it('later', { todo: true }, () => {}); it.skip('off', () => {}); });",
        "test('top fails', () => { throw new Error('boom'); });",
      ].join('\n'));
      writeFileSync(join(dir, 'b.test.mjs'), "throw new Error('does not load');\n");
      const reporter = join(import.meta.dirname, '..', '..', '..', 'scripts', 'corpus', 'nodeTestReporter.mjs');
      const out = join(dir, 'report.jsonl');
      spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, `--test-reporter-destination=${out}`, 'a.test.mjs', 'b.test.mjs'], { cwd: dir });
      const records = parseNodeTestEvents(readFileSync(out, 'utf8'), dir);
      assert.deepEqual(records?.map((r) => [r.file, r.name, r.status, r.error]), [
        ['a.test.mjs', 'suite a › works', 'passed', undefined],
        ['a.test.mjs', 'suite a › later', 'todo', undefined],
        ['a.test.mjs', 'suite a › off', 'skipped', undefined],
        ['a.test.mjs', 'top fails', 'failed', 'boom'],
        ['b.test.mjs', '(file failed to run)', 'failed', 'test failed'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats text without any node:test event as no report, and an empty report as no tests', () => {
    assert.equal(parseNodeTestEvents('TAP version 13\nok 1 - x', ROOT), undefined);
    assert.deepEqual(parseNodeTestEvents('', ROOT), []);
  });
});
