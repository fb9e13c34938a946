import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { loadSpecFile } from '../../src/core/endpointSpec/inputs/loadSpecFile';
import { fixtureBin, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { countTests } from './testCounts';

interface JestReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string; readonly title: string }[] }[];
}

const SPECS = join(import.meta.dirname, '..', '..', 'corpus', 'specs');
const OLD_TESTS = 2;

describe('Express: a router at the version prefix guards all it receives (express-prefix-guard)', function () {
  this.timeout(600_000);

  it('registers each corpus spec ahead of the guarded /v1 router, so the generated tests reach their routes, and the suite passes', async function () {
    const root = prepareWorkspace('express-prefix-guard');
    const specs = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();
    const written = new Set<string>();
    for (const name of specs) {
      const { spec } = await loadSpecFile(join(SPECS, name));
      const result = await generateEndpoint({ root, spec });
      assert.equal(result.kind, 'ok', `${name}: ${JSON.stringify(result)}`);
      if (result.kind !== 'ok') {
        return;
      }
      const errors = result.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${String(d.line)} ${d.message}`));
      assert.deepEqual(errors, [], `${name} type-checks`);
      writeFiles(root, result.changeSet.files);
      result.changeSet.files.forEach((f) => written.add(f.path));
    }
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    const guard = app.indexOf('app.use("/v1", transferRoutes);');
    const mounts = [...app.matchAll(/app\.use\("(\/v1\/[^"]+)", (\w+)\);/g)].filter((m) => m[1] !== '/v1/accounts');
    assert.ok(mounts.length >= 3, `new routers mounted under /v1:\n${app}`);
    for (const m of mounts) {
      assert.ok(m.index < guard, `${m[0]} is registered ahead of the guarded /v1 router:\n${app}`);
      assert.ok(m.index > app.indexOf('app.use("/v1/accounts", accountRoutes);'), `${m[0]} comes after its neighbour`);
    }

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'jest-report.json');
    const run = spawnSync(fixtureBin(root, 'jest'), ['--json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as JestReport;
    const all = report.testResults.flatMap((r) => r.assertionResults);
    const failed = report.testResults.flatMap((r) => r.assertionResults.filter((a) => a.status === 'failed').map((a) => `${r.name} › ${a.title}`));
    assert.deepEqual(failed, [], 'no test fails (a 401 here means a new router sits behind the guard)');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const expected = [...written].filter((p) => p.endsWith('.test.ts')).map((p) => countTests(readFileSync(join(root, p), 'utf8')));
    const generated = expected.reduce((sum, c) => sum + c.total, 0);
    assert.equal(all.length, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    const passed = all.filter((a) => a.status === 'passed').length;
    console.log(`      express-prefix-guard: ${String(passed - OLD_TESTS)} generated tests passed, ${String(all.length - passed)} todo, ${String(OLD_TESTS)} old tests passed`);
  });
});
