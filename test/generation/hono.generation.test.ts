import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { honoGenerator } from '../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions } from '../../src/core/codegen/types';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { ALL_CASES, type GenerationCase } from './generationSpecs';
import { countTests } from './testCounts';

/** The handler bodies an LLM would write for Hono's contract (the context `c`, no semicolons like the project). */
const HONO_BODIES: Readonly<Record<string, string>> = {
  registerUser: 'const { password: _password, ...account } = body\nreturn c.json({ id: Date.now(), ...account }, 201)',
  createShipment: 'return c.json({ accepted: true, warehouseId: params.warehouseId, reference: body.reference }, 202)',
  searchProducts: 'const all = await repository.list()\nreturn c.json(all.filter((p) => p.name.includes(query.q) && (query.maxPrice === undefined || p.price <= query.maxPrice)), 200)',
};

const CASES: readonly GenerationCase[] = ALL_CASES.map((c) => ({
  ...c,
  handlerBodies: Object.fromEntries(Object.keys(c.handlerBodies).map((id) => [id, HONO_BODIES[id] ?? ''])),
}));

const OPTIONS: CodegenOptions = {
  framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 4,
  style: { quote: 'single', semicolons: false, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};
const FIXTURE = 'hono-vitest';
const OLD_TESTS = 6;

interface RunnerReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string }[] }[];
}

describe('Hono generation into a real fixture project', function () {
  this.timeout(240_000);
  it(`${FIXTURE}: generated code type-checks and every generated and old test passes`, function () {
    const root = prepareWorkspace(FIXTURE);
    const testFiles = new Set<string>();
    for (const c of CASES) {
      const files = honoGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.ok(files.length > 0, `${c.name} generated nothing`);
      writeFiles(root, files);
      files.filter((f) => f.path.endsWith(OPTIONS.layout.testSuffix)).forEach((f) => testFiles.add(f.path));
    }
    for (const c of CASES) {
      const again = honoGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.deepEqual(again.map((f) => f.path), [], `re-running ${c.name} changed files`);
    }
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    assert.equal([...app.matchAll(/app\.route\('\/products', productsRoute\)/g)].length, 1, 'products mounted once');
    const generatedSources = [...testFiles, 'src/app.ts', 'src/routes/products.ts', 'src/schemas/products.ts'].map((p) => readFileSync(join(root, p), 'utf8'));
    assert.ok(generatedSources.every((text) => !/;\s*$/m.test(text)), 'no semicolons, like the project');
    const routes = readFileSync(join(root, 'src/routes/products.ts'), 'utf8');
    assert.match(routes, /zValidator\('json', ProductSchema, validationHook\)/, 'the project\'s validationHook');
    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'test-report.json');
    const run = spawnSync(fixtureBin(root, 'vitest'), ['run', '--reporter=json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8')) as RunnerReport;
    const countIn = (path: string, status: string): number =>
      report.testResults.filter((r) => r.name.endsWith(path)).flatMap((r) => r.assertionResults).filter((a) => a.status === status).length;
    let generated = 0;
    let todo = 0;
    for (const path of testFiles) {
      const expected = countTests(readFileSync(join(root, path), 'utf8'));
      assert.equal(countIn(path, 'passed'), expected.run, `${path}: every test passed`);
      assert.equal(countIn(path, 'todo'), expected.todo, `${path}: the todo tests are todos`);
      generated += expected.total;
      todo += expected.todo;
    }
    const all = report.testResults.flatMap((r) => r.assertionResults);
    assert.equal(all.filter((a) => a.status !== 'passed' && a.status !== 'todo').length, 0);
    assert.equal(todo, 1, 'the operation without logic has one todo');
    assert.equal(all.length, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    console.log(`      ${FIXTURE}: ${String(generated - todo)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed, ${String(testFiles.size)} test files`);
  });
});
