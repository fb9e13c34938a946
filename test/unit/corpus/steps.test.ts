import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuites } from '../../../scripts/corpus/steps';
import type { Workspace } from '../../../scripts/corpus/workspace';

// A stand-in for jest that writes its --json report and then never exits (a project's open handle).
const LINGERING_JEST = `
const out = process.argv.find((a) => a.startsWith('--outputFile=')).slice('--outputFile='.length);
const report = { testResults: [{ name: process.cwd() + '/test/a.e2e-spec.ts', status: 'passed', message: '', assertionResults: [{ ancestorTitles: ['a'], title: 'works', status: 'passed', failureMessages: [] }] }] };
require('node:fs').writeFileSync(out, JSON.stringify(report));
setInterval(() => {}, 1000);
`;

describe('corpus: running a suite', function () {
  this.timeout(30_000);
  let base: string;
  let workspace: Workspace;
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'corpus-steps-'));
    workspace = { base, repoDir: join(base, 'repo'), projectDir: join(base, 'repo'), reportsDir: join(base, 'reports') };
    mkdirSync(workspace.projectDir, { recursive: true });
    mkdirSync(workspace.reportsDir, { recursive: true });
    writeFileSync(join(workspace.projectDir, 'fake-jest.js'), LINGERING_JEST);
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('a runner that wrote its report but does not exit is stopped soon after, and its tests count as run', async () => {
    const started = Date.now();
    const timeouts = { install: 60_000, tsc: 60_000, tests: 25_000, cli: 60_000, linger: 1500 };
    const [run] = await runSuites(workspace, [{ suite: 'test:e2e', command: 'node fake-jest.js jest', runner: 'jest' }], 'baseline', timeouts, {}, '');
    assert.ok(Date.now() - started < 15_000, 'stopped long before the 25 s timeout');
    assert.equal(run?.outcome, 'ran');
    assert.equal(run?.stoppedAfterReport, 1.5);
    assert.deepEqual(run?.tests.map((t) => [t.file, t.name, t.status]), [['test/a.e2e-spec.ts', 'a › works', 'passed']]);
  });
});
