import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectProject } from '../../../../src/core/project/detectProject';
import type { ProjectFacts } from '../../../../src/core/project/projectFacts';
import { createOverlay, type Overlay } from '../../../../src/core/testgen/run/createOverlay';
import { keepPassing } from '../../../../src/core/testgen/run/keepPassing';
import { runTestFile } from '../../../../src/core/testgen/run/runTestFile';
import { prepareWorkspace } from '../../../generation/fixtureWorkspace';
import { PID_FILE, type RunnerScenario } from './candidates';
import { eventually, isAlive, processesIn, snapshotTree } from './processProbe';

const RUN_TIMEOUT_MS = 90_000;
/**
 * The hang test's timeout must let the runner start and reach the hanging test, and no more: it is
 * 2.5 × the slowest whole run this machine just did on the same fixture, between 5 and 20 s.
 */
function hangTimeoutMs(slowestRunMs: number): number {
  return Math.min(20_000, Math.max(5_000, Math.ceil(2.5 * slowestRunMs)));
}

async function withOverlay<T>(root: string, extraFiles: Record<string, string>, use: (overlay: Overlay) => Promise<T>): Promise<T> {
  const overlay = await createOverlay(root, { extraFiles });
  try {
    return await use(overlay);
  } finally {
    await overlay.dispose();
  }
}

function hangPids(overlay: Overlay): number[] {
  const path = join(overlay.root, PID_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split(' ').map(Number) : [];
}

async function assertNothingSurvives(overlay: Overlay, expectPids: boolean): Promise<void> {
  const pids = hangPids(overlay);
  if (expectPids) {
    assert.equal(pids.length, 2, 'the hanging test wrote its pid and its child pid');
  }
  assert.ok(await eventually(() => pids.every((pid) => !isAlive(pid))), `still alive: ${pids.filter(isAlive).join(', ')}`);
  assert.ok(await eventually(() => processesIn(overlay.root).length === 0), `processes left in the overlay: ${processesIn(overlay.root).join(', ')}`);
}

/** The run/keep/timeout/cancel/coverage behaviour for one runner on a copy of its fixture. */
export function describeRunner(scenario: RunnerScenario, coverage: 'measured' | 'none'): void {
  describe(`running candidate tests with ${scenario.runner} (${scenario.fixture})`, function () {
    this.timeout(240_000);
    let root = '';
    let facts: ProjectFacts;
    let snapshot: Map<string, string>;
    let slowestRunMs = 8_000;

    before(async () => {
      root = prepareWorkspace(scenario.fixture, `testgen-run-${scenario.fixture}`);
      facts = await detectProject(root);
      assert.equal(facts.testRunner?.name, scenario.runner);
      snapshot = snapshotTree(root);
    });

    after(() => {
      assert.deepEqual(snapshotTree(root), snapshot, 'the project folder is unchanged');
    });

    it('keeps tests that pass twice, drops the rest, and flags assertion failures as suspected bugs', async () => {
      const result = await withOverlay(root, { [scenario.testFile]: scenario.mixed }, (overlay) =>
        keepPassing(overlay, facts, scenario.testFile, { timeoutMs: RUN_TIMEOUT_MS, runs: 2 }));
      assert.equal(result.kind, 'ran', result.runs.map((run) => run.output).join('\n'));
      slowestRunMs = Math.max(...result.runs.map((run) => run.durationMs));
      const byTitle = new Map(result.tests.map((test) => [test.title, test]));
      const verdicts = [...byTitle.entries()].map(([title, test]) => [title, test.verdict, test.suspectedBug]);
      assert.deepEqual(verdicts.sort(), [
        ['adds the tax', 'kept', false],
        ['gives 10% from 10 items', 'failed', true],
        ['gives no discount below 10', 'kept', false],
        ['passes on the first run only', 'flaky', false],
        ['rounds with a helper that does not exist', 'failed', false],
      ]);
      assert.match(byTitle.get('rounds with a helper that does not exist')?.error ?? '', /ReferenceError|roundTo is not defined/);
      assert.match(byTitle.get('gives 10% from 10 items')?.error ?? '', /0\.1/);
      assert.equal(byTitle.get('adds the tax')?.fullTitle, 'testgenPricing adds the tax');
    });

    it('reports a file that does not compile as crashed, with the error', async () => {
      const result = await withOverlay(root, { [scenario.testFile]: scenario.broken }, (overlay) =>
        runTestFile(overlay, facts, scenario.testFile, { timeoutMs: RUN_TIMEOUT_MS }));
      assert.equal(result.kind, 'crashed');
      assert.deepEqual(result.tests, []);
      assert.match(result.output, /testgenPricing/);
    });

    it('kills a hanging run and every process it started when the timeout passes', async () => {
      await withOverlay(root, { [scenario.testFile]: scenario.hang }, async (overlay) => {
        const result = await runTestFile(overlay, facts, scenario.testFile, { timeoutMs: hangTimeoutMs(slowestRunMs) });
        assert.equal(result.kind, 'timeout');
        await assertNothingSurvives(overlay, true);
      });
    });

    it('cancels a run through its AbortSignal, killing its processes', async () => {
      await withOverlay(root, { [scenario.testFile]: scenario.hang }, async (overlay) => {
        const controller = new AbortController();
        const running = runTestFile(overlay, facts, scenario.testFile, { timeoutMs: RUN_TIMEOUT_MS, signal: controller.signal });
        const started = await eventually(() => hangPids(overlay).length === 2, 3000);
        controller.abort();
        const result = await running;
        assert.ok(started, 'the hanging test started');
        assert.equal(result.kind, 'cancelled');
        await assertNothingSurvives(overlay, true);
        if (scenario.runner === 'vitest') {
          const cache = join(overlay.root, 'node_modules', '.vite');
          assert.ok(!existsSync(cache) || !lstatSync(cache).isSymbolicLink(), 'vite caches stay in the overlay');
        }
      });
    });

    it(coverage === 'measured' ? 'measures the target file before and after the candidate' : 'reports no coverage when the project has no tool', async () => {
      const result = await withOverlay(root, { [scenario.testFile]: scenario.covering }, (overlay) =>
        runTestFile(overlay, facts, scenario.testFile, { timeoutMs: RUN_TIMEOUT_MS, coverageOf: 'src/lib/testgenPricing.ts' }));
      assert.equal(result.kind, 'ran', result.output);
      assert.deepEqual(result.tests.map((test) => test.status), ['passed', 'passed', 'passed']);
      if (coverage === 'none') {
        assert.equal(result.coverage, undefined);
        return;
      }
      assert.equal(result.coverage?.file, 'src/lib/testgenPricing.ts');
      assert.ok((result.coverage.before?.lines ?? 0) === 0, `before: ${JSON.stringify(result.coverage.before)}`);
      // Node's own coverage maps tsx output back imprecisely (a leading comment line counts as
      // uncovered), so lines are not asserted to be exactly 100 here.
      assert.deepEqual({ ...result.coverage.after, lines: undefined }, { lines: undefined, branches: 100, functions: 100 });
      assert.ok((result.coverage.after?.lines ?? 0) >= 90, `after: ${JSON.stringify(result.coverage.after)}`);
    });
  });
}
