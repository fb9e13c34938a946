import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';
import { applySpecs, runTests, SPECS } from './nodeTestSteps';
import { countTests } from './testCounts';

const FIXTURE = 'express-route-array';
const OLD_TESTS = 3;

describe('Express: routers registered from an array the v1 index router loops over (express-route-array)', function () {
  this.timeout(600_000);

  it('adds each new router to the array in the same element shape, tests it at /v1/…, and the node:test suite passes', async function () {
    const root = prepareWorkspace(FIXTURE);
    const specs = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();
    const appBefore = readFileSync(join(root, 'src/app.ts'), 'utf8');
    const notes: string[] = [];
    const written = new Set(await applySpecs(root, specs, notes));
    assert.equal(readFileSync(join(root, 'src/app.ts'), 'utf8'), appBefore, 'the app file is left alone: the index router registers the routers');

    const index = readFileSync(join(root, 'src/routes/v1/index.ts'), 'utf8');
    const elements = [...index.matchAll(/^ {2}\{\n {4}path: '(\/[\w-]+)',\n {4}route: (\w+),\n {2}\},$/gm)].map((m) => `${m[1]!} ${m[2]!}`);
    assert.deepEqual(elements, ['/health healthRoute', '/users userRoute', '/gadgets gadgetRoute', '/warehouses warehouseRoute', '/orders orderRoute'], `each router joins defaultRoutes once, shaped like its neighbours, in order:\n${index}`);
    const imports = [...index.matchAll(/^import (\w+) from '(\.\/[\w.]+)';$/gm)].map((m) => `${m[1]!} ${m[2]!}`);
    assert.deepEqual(imports, ['healthRoute ./health.route.js', 'userRoute ./user.route.js', 'gadgetRoute ./gadget.route.js', 'warehouseRoute ./warehouse.route.js', 'orderRoute ./order.route.js'], 'default imports with the .js extension, like the neighbours');
    assert.doesNotMatch(index, /router\.use\('\/(gadgets|warehouses|orders)'/, 'nothing is mounted a second time outside the array');
    assert.ok(written.has('src/routes/v1/gadget.route.ts'), `the router beside its neighbours, named like them: ${[...written].join(', ')}`);
    const tests = readFileSync(join(root, 'test/gadgets.test.ts'), 'utf8');
    assert.match(tests, /from 'node:test'/, 'node:test, the fixture\'s runner');
    assert.match(tests, /\.get\('\/v1\/gadgets'\)/, 'the tests request the URL the loop serves the router at');
    assert.ok(notes.some((n) => n.includes('gadgetRoute joins the array `defaultRoutes` in src/routes/v1/index.ts') && n.includes('/v1/gadgets')), notes.join('\n'));

    for (const name of specs) {
      const again = await generateEndpoint({ root, text: readFileSync(join(SPECS, name), 'utf8') });
      assert.ok(again.kind === 'ok' && again.changeSet.files.length === 0, `re-running ${name} changed ${again.kind === 'ok' ? again.changeSet.files.map((f) => f.path).join(', ') : again.kind}`);
    }

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const testFiles = readdirSync(join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`);
    const counts = runTests(root, testFiles);
    assert.equal(counts.fail, 0, counts.output);
    const expected = [...written].filter((p) => p.endsWith('.test.ts')).map((p) => countTests(readFileSync(join(root, p), 'utf8')));
    const generated = expected.reduce((sum, c) => sum + c.total, 0);
    const todo = expected.reduce((sum, c) => sum + c.todo, 0);
    assert.equal(counts.todo, todo, `unimplemented operations are todo\n${counts.output}`);
    assert.equal(counts.pass, generated - todo + OLD_TESTS, `generated tests plus the fixture's own\n${counts.output}`);
    console.log(`      ${FIXTURE}: ${String(generated - todo)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed`);
  });
});
