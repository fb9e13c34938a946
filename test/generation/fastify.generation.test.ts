import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fastifyGenerator } from '../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions } from '../../src/core/codegen/types';
import { diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { ALL_CASES, type GenerationCase } from './generationSpecs';
import { countTests } from './testCounts';

/** The handler bodies an LLM would write for Fastify's contract (`reply`, not Express's `res`). */
const FASTIFY_BODIES: Readonly<Record<string, string>> = {
  registerUser: 'const { password: _password, ...account } = body;\nreturn reply.code(201).send({ id: Date.now(), ...account });',
  createShipment: 'return reply.code(202).send({ accepted: true, warehouseId: params.warehouseId, reference: body.reference });',
  searchProducts: 'const all = await repository.list();\nreturn reply.code(200).send(all.filter((p) => p.name.includes(query.q) && (query.maxPrice === undefined || p.price <= query.maxPrice)));',
};

const CASES: readonly GenerationCase[] = ALL_CASES.map((c) => ({
  ...c,
  handlerBodies: Object.fromEntries(Object.keys(c.handlerBodies).map((id) => [id, FASTIFY_BODIES[id] ?? ''])),
}));

const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'node:test', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};
const FIXTURE = 'fastify5-node-test';
const OLD_TESTS = 6;

/** Runs node:test over the files with the junit reporter; returns its pass, fail and todo counts. */
function runNodeTest(root: string, files: readonly string[]): { pass: number; fail: number; todo: number; output: string } {
  const run = spawnSync('node', ['--import', 'tsx', '--test', '--test-reporter=junit', ...files], { cwd: root, encoding: 'utf8' });
  const count = (name: string): number => Number(new RegExp(`<!-- ${name} (\\d+) -->`).exec(run.stdout)?.[1] ?? 'NaN');
  return { pass: count('pass'), fail: count('fail'), todo: count('todo'), output: run.stdout + run.stderr };
}

describe('Fastify generation into a real fixture project', function () {
  this.timeout(240_000);
  it(`${FIXTURE}: generated code type-checks and every generated and old test passes`, function () {
    const root = prepareWorkspace(FIXTURE);
    const testFiles = new Set<string>();
    for (const c of CASES) {
      const files = fastifyGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.ok(files.length > 0, `${c.name} generated nothing`);
      writeFiles(root, files);
      files.filter((f) => f.path.endsWith(OPTIONS.layout.testSuffix)).forEach((f) => testFiles.add(f.path));
    }
    for (const c of CASES) {
      const again = fastifyGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.deepEqual(again.map((f) => f.path), [], `re-running ${c.name} changed files`);
    }
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    assert.equal([...app.matchAll(/register\(productsRoutes/g)].length, 1, 'products registered once');
    const tsc = spawnSync('npx', ['tsc', '--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    let generated = 0;
    let todo = 0;
    for (const path of testFiles) {
      const expected = countTests(readFileSync(join(root, path), 'utf8'));
      const result = runNodeTest(root, [path]);
      assert.equal(result.fail, 0, result.output);
      assert.equal(result.pass, expected.run, `${path}: every test passed`);
      assert.equal(result.todo, expected.todo, `${path}: the todo tests are todos`);
      generated += expected.run;
      todo += expected.todo;
    }
    assert.equal(todo, 1, 'the operation without logic has one todo');
    const all = runNodeTest(root, readdirSync(join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`));
    assert.equal(all.fail, 0, all.output);
    assert.equal(all.pass, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    assert.equal(all.todo, todo);
    console.log(`      ${FIXTURE}: ${String(generated)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed, ${String(testFiles.size)} test files`);
  });
});
