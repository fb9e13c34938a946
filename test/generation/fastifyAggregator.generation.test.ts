import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';
import { applySpecs, SPECS } from './nodeTestSteps';
import { countTests } from './testCounts';

/** The parts of mocha's `json` reporter output this test reads. */
interface MochaReport {
  readonly stats: { readonly tests: number; readonly passes: number; readonly failures: number; readonly pending: number };
  readonly failures: readonly { readonly fullTitle: string; readonly err: { readonly message?: string } }[];
}

const FIXTURE = 'fastify-aggregator-mocha';
const OLD_TESTS = 2;

describe('Fastify: routes registered through an aggregator plugin the app mounts under /api (fastify-aggregator-mocha)', function () {
  this.timeout(600_000);

  it('registers each resource in the aggregator beside its siblings, serves it under /api, and the mocha suite passes', async function () {
    const root = prepareWorkspace(FIXTURE);
    const specs = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();
    const appBefore = readFileSync(join(root, 'src/app.ts'), 'utf8');
    const notes: string[] = [];
    const written = new Set(await applySpecs(root, specs, notes));
    assert.equal(readFileSync(join(root, 'src/app.ts'), 'utf8'), appBefore, 'the app file is left alone');
    const aggregator = readFileSync(join(root, 'src/modules/api.routes.ts'), 'utf8');
    const registered = [...aggregator.matchAll(/^ {2}await api\.register\((\w+), \{ prefix: '(\/[\w-]+)' \}\);$/gm)].map((m) => `${m[1]!} ${m[2]!}`);
    assert.deepEqual(registered, ['booksRoutes /books', 'gadgetsRoutes /gadgets', 'loansRoutes /loans', 'ordersRoutes /orders', 'warehousesRoutes /warehouses'], `in the siblings' alphabetical order, awaited like them:\n${aggregator}`);
    const imports = [...aggregator.matchAll(/^import \{ (\w+) \} from '(@modules\/[\w/.-]+)';$/gm)].map((m) => m[2]);
    assert.deepEqual(imports, ['@modules/books/books.routes', '@modules/gadgets/gadgets.routes', '@modules/loans/loans.routes', '@modules/orders/orders.routes', '@modules/warehouses/warehouses.routes'], 'imported through the alias, in order');
    assert.ok(written.has('src/modules/gadgets/gadgets.routes.ts'), `the module beside its siblings: ${[...written].join(', ')}`);
    // The sibling modules keep their schemas in src/modules/<m>/schemas/ and their tests in test/modules/<m>/<m>.test.ts: so does each new module.
    // The CRUD resource's in-memory repository stays with its module (the fixture has no src/repositories/).
    for (const path of ['src/modules/gadgets/gadgetRepository.ts', ...['gadgets', 'orders', 'warehouses'].flatMap((name) => [`src/modules/${name}/schemas/${name}.ts`, `src/modules/${name}/schemas/index.ts`, `test/modules/${name}/${name}.test.ts`])]) {
      assert.ok(written.has(path), `${path} where the siblings show: ${[...written].join(', ')}`);
    }
    assert.deepEqual([...written].filter((p) => /^(?:src\/schemas|src\/repositories|test\/[\w-]+\.test\.ts)/.test(p)), [], 'nothing in the generic places');
    assert.ok(notes.some((n) => n === 'Schemas go to src/modules/gadgets/schemas/gadgets.ts, where each sibling module keeps its own (src/modules/books/schemas/, src/modules/loans/schemas/), re-exported from src/modules/gadgets/schemas/index.ts as theirs are.'), notes.join('\n'));
    assert.equal(readFileSync(join(root, 'src/modules/gadgets/schemas/index.ts'), 'utf8'), "export * from './gadgets';\n", 'the index re-exports the schemas like the siblings\' do');
    assert.ok(notes.some((n) => n.startsWith('Tests go to test/modules/gadgets/gadgets.test.ts, in the tree that mirrors the modules (test/modules/books/books.test.ts')), notes.join('\n'));
    const tests = readFileSync(join(root, 'test/modules/gadgets/gadgets.test.ts'), 'utf8');
    assert.match(tests, /^import \{ app \} from '\.\.\/\.\.\/\.\.\/src\/app';$/m, 'the suite requests the real app');
    assert.match(tests, /url: '\/api\/gadgets'/);
    assert.doesNotMatch(tests, /url: '\/gadgets/, 'every request carries the outer prefix');
    assert.ok(notes.some((n) => n.includes('registered in apiRoutes (src/modules/api.routes.ts:6)') && n.includes('served under /api/gadgets')), notes.join('\n'));

    for (const name of specs) {
      const again = await generateEndpoint({ root, text: readFileSync(join(SPECS, name), 'utf8') });
      assert.ok(again.kind === 'ok' && again.changeSet.files.length === 0, `re-running ${name} changed ${again.kind === 'ok' ? again.changeSet.files.map((f) => f.path).join(', ') : again.kind}`);
    }

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'test-report.json');
    // The fixture's .mocharc.json gives the tsx loader (which follows the @modules/* alias) and the spec glob.
    const run = spawnSync(fixtureBin(root, 'mocha'), ['--reporter', 'json', '--reporter-option', `output=${out}`], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as MochaReport;
    assert.deepEqual(report.failures.map((f) => `${f.fullTitle}: ${f.err.message ?? ''}`), [], 'no test fails (a 404 here means a test missed the /api prefix)');
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const expected = [...written].filter((p) => p.endsWith('.test.ts')).map((p) => countTests(readFileSync(join(root, p), 'utf8')));
    const generated = expected.reduce((sum, c) => sum + c.total, 0);
    const todo = expected.reduce((sum, c) => sum + c.todo, 0);
    assert.equal(report.stats.tests, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    assert.equal(report.stats.pending, todo, 'unimplemented operations are pending');
    assert.equal(report.stats.passes, generated - todo + OLD_TESTS);
    console.log(`      ${FIXTURE}: ${String(generated - todo)} generated tests passed, ${String(todo)} pending, ${String(OLD_TESTS)} old tests passed`);
  });
});
