import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fastifyGenerator } from '../../src/core/codegen/fastify/fastifyGenerator';
import type { CodegenOptions } from '../../src/core/codegen/types';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
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
/** Names each test's file in its events, which the junit reporter does not (Node 20). */
const REPORTER = join(import.meta.dirname, '..', '..', 'scripts', 'corpus', 'nodeTestReporter.mjs');
const OLD_TESTS = 6;

/** One node:test event as scripts/corpus/nodeTestReporter.mjs writes it (one JSON line each). */
interface NodeTestEvent {
  readonly type: 'test:start' | 'test:pass' | 'test:fail';
  readonly file?: string;
  readonly todo?: true;
  readonly skip?: true;
  readonly suite?: true;
}

interface Counts {
  pass: number;
  fail: number;
  todo: number;
}

/**
 * Runs node:test once over the files with the corpus reporter (it names each test's file); returns
 * the pass, fail and todo counts per file (root-relative) and over the run, counted as Node's own
 * summary counts them (suites not counted; a todo is a todo, not a pass). One run instead of one
 * per file plus one over all: the same tests, each run once.
 */
function runNodeTest(root: string, files: readonly string[]): { perFile: ReadonlyMap<string, Counts>; all: Counts; output: string } {
  const report = join(root, 'node-test-events.jsonl');
  const run = spawnSync('node', ['--import', 'tsx', '--test', `--test-reporter=${REPORTER}`, `--test-reporter-destination=${report}`, ...files], { cwd: root, encoding: 'utf8' });
  const events = existsSync(report) ? readFileSync(report, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as NodeTestEvent) : [];
  const perFile = new Map<string, Counts>(files.map((f) => [f, { pass: 0, fail: 0, todo: 0 }]));
  const all: Counts = { pass: 0, fail: 0, todo: 0 };
  for (const e of events.filter((ev) => ev.type !== 'test:start' && !ev.suite && !ev.skip)) {
    const file = e.file === undefined ? undefined : relative(root, e.file);
    const key: keyof Counts = e.type === 'test:fail' ? 'fail' : e.todo ? 'todo' : 'pass';
    all[key] += 1;
    const counts = file === undefined ? undefined : perFile.get(file);
    if (counts) {
      counts[key] += 1;
    }
  }
  return { perFile, all, output: `exit ${String(run.status)}\n${run.stdout.slice(-4000)}${run.stderr}` };
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
    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    let generated = 0;
    let todo = 0;
    const oldFiles = readdirSync(join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`).filter((f) => !testFiles.has(f));
    const run = runNodeTest(root, [...testFiles, ...oldFiles]);
    for (const path of testFiles) {
      const expected = countTests(readFileSync(join(root, path), 'utf8'));
      const result = run.perFile.get(path) ?? { pass: 0, fail: 0, todo: 0 };
      assert.equal(result.fail, 0, run.output);
      assert.equal(result.pass, expected.run, `${path}: every test passed`);
      assert.equal(result.todo, expected.todo, `${path}: the todo tests are todos`);
      generated += expected.run;
      todo += expected.todo;
    }
    assert.equal(todo, 1, 'the operation without logic has one todo');
    assert.equal(run.all.fail, 0, run.output);
    assert.equal(run.all.pass, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    assert.equal(run.all.todo, todo);
    console.log(`      ${FIXTURE}: ${String(generated)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed, ${String(testFiles.size)} test files`);
  });
});
