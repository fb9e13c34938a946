import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeTestCommand } from '../../../../src/core/testgen/run/nodeTestCommand';
import { parseJestJson } from '../../../../src/core/testgen/run/parseJestJson';

describe('testgen/run: the node:test command from the test script', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'routecraft-nodetest-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const commandFor = (script: string | undefined, withTsx = false) => {
    writeFileSync(join(root, 'package.json'), JSON.stringify(script === undefined ? {} : { scripts: { test: script } }));
    if (withTsx) {
      mkdirSync(join(root, 'node_modules', 'tsx'), { recursive: true });
      writeFileSync(join(root, 'node_modules', 'tsx', 'package.json'), '{"name": "tsx"}');
    }
    return nodeTestCommand(root);
  };

  it('reads loader options and quoted patterns, skipping --test and --watch flags', () => {
    assert.deepEqual(commandFor(`node --import tsx --test --test-concurrency=1 'test/**/*.test.ts' "src/a b.test.ts"`), {
      nodeOptions: ['--import', 'tsx'], patterns: ['test/**/*.test.ts', 'src/a b.test.ts'],
    });
  });

  it('sees through env assignments, cross-env, npx and dotenv', () => {
    assert.deepEqual(commandFor('NODE_ENV=test node --test test/*.test.ts').patterns, ['test/*.test.ts']);
    assert.deepEqual(commandFor('cross-env TZ=UTC node --import tsx --test test/x.test.ts'), { nodeOptions: ['--import', 'tsx'], patterns: ['test/x.test.ts'] });
    assert.deepEqual(commandFor('npx tsx --test test/y.test.ts'), { nodeOptions: ['--import', 'tsx'], patterns: ['test/y.test.ts'] });
    assert.deepEqual(commandFor('dotenv -e .env.test -- node --test').patterns, []);
  });

  it('takes the segment that runs --test from a chain of commands', () => {
    assert.deepEqual(commandFor('tsc --noEmit && node --test dist/*.test.js').patterns, ['dist/*.test.js']);
  });

  it('without a --test script: --import tsx when tsx is installed, nothing otherwise', () => {
    assert.deepEqual(commandFor('vitest run'), { nodeOptions: [], patterns: [] });
    assert.deepEqual(commandFor(undefined, true), { nodeOptions: ['--import', 'tsx'], patterns: [] });
  });
});

describe('testgen/run: jest/vitest JSON reports', () => {
  const report = (results: object[]): string => JSON.stringify({ testResults: results });

  it('keeps the candidate file only, with full titles, statuses and the first failure line', () => {
    const text = report([
      { name: '/p/test/other.test.ts', assertionResults: [{ ancestorTitles: [], title: 'x', status: 'passed' }] },
      {
        name: '/p/test/users.test.ts',
        assertionResults: [
          { ancestorTitles: ['users'], title: 'creates', status: 'passed', duration: 4 },
          { ancestorTitles: ['users'], title: 'rejects', status: 'failed', failureMessages: ['AssertionError: expected 400 to be 201\n    at /p/test/users.test.ts:9:3'] },
          { ancestorTitles: ['users'], title: 'later', status: 'todo' },
          { ancestorTitles: ['users'], title: 'skipped', status: 'pending' },
        ],
      },
    ]);
    const parsed = parseJestJson(text, 'test/users.test.ts');
    assert.deepEqual(parsed?.tests.map((t) => [t.fullTitle, t.status]), [
      ['users creates', 'passed'], ['users rejects', 'failed'], ['users later', 'skipped'], ['users skipped', 'skipped'],
    ]);
    assert.match(parsed?.tests[1]?.error ?? '', /expected 400 to be 201/);
  });

  it('says when the file is missing from the report, and is undefined for text that is no report', () => {
    assert.equal(parseJestJson(report([]), 'test/a.test.ts')?.fileError, 'The runner did not report the test file.');
    assert.equal(parseJestJson('FAIL test/a.test.ts', 'test/a.test.ts'), undefined);
    assert.equal(parseJestJson('{"numTotal": 1}', 'test/a.test.ts'), undefined);
  });
});
