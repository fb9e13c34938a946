import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nestjsGenerator } from '../../src/core/codegen/nestjs/nestjsGenerator';
import type { CodegenOptions } from '../../src/core/codegen/types';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { ALL_CASES, everyFeature, productSearch, userRegistration, type GenerationCase } from './generationSpecs';
import { countTests } from './testCounts';

interface RunnerReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string; readonly fullName: string }[] }[];
}

const FIXTURE = 'nestjs-jest';
/** The fixture's own tests: two in src/cats/cats.service.spec.ts, six in test/cats.e2e-spec.ts. */
const OLD_TESTS = 8;

const OPTIONS: CodegenOptions = {
  framework: 'nestjs', frameworkMajor: 11, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src', testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true, appFile: 'src/app.module.ts' },
};

/** What an LLM answers for Nest's handler contract: service method statements that return the body. */
const NEST_BODIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [userRegistration.name]: {
    registerUser: 'const { password: _password, ...account } = body;\nif (account.email.endsWith(\'@blocked.example\')) {\n  throw new ConflictException(\'This address cannot register\');\n}\nreturn { id: Date.now(), ...account };',
  },
  [everyFeature.name]: {
    createShipment: 'return { accepted: true, warehouseId: params.warehouseId, reference: body.reference, priority: query.priority ?? \'normal\' };',
  },
  [productSearch.name]: {
    searchProducts: 'const all = await this.repository.list();\nreturn all.filter((p) => p.name.includes(query.q) && (query.maxPrice === undefined || p.price <= query.maxPrice));',
  },
};

function bodiesFor(c: GenerationCase): Readonly<Record<string, string>> {
  return NEST_BODIES[c.name] ?? {};
}

describe('NestJS generation into a real fixture project', function () {
  this.timeout(300_000);
  it(`${FIXTURE}: generated code type-checks and every generated and old test passes; re-running changes nothing`, function () {
    const root = prepareWorkspace(FIXTURE, `${FIXTURE}-generation`);
    const testFiles = new Set<string>();
    for (const c of ALL_CASES) {
      const files = nestjsGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: bodiesFor(c) });
      assert.ok(files.length > 0, `${c.name} generated nothing`);
      writeFiles(root, files);
      files.filter((f) => f.path.endsWith('.e2e-spec.ts')).forEach((f) => testFiles.add(f.path));
    }
    for (const c of ALL_CASES) {
      const again = nestjsGenerator.generate({ spec: c.spec, options: OPTIONS, files: diskFiles(root), handlerBodies: bodiesFor(c) });
      assert.deepEqual(again.map((f) => f.path), [], `re-running ${c.name} changed files`);
    }
    const appModule = readFileSync(join(root, 'src/app.module.ts'), 'utf8');
    for (const name of ['ProductsModule', 'UsersModule', 'ShipmentsModule']) {
      assert.equal(appModule.split(name).length - 1, 2, `${name} imported and registered once`);
    }
    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'test-report.json');
    const run = spawnSync(fixtureBin(root, 'jest'), ['--json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as RunnerReport;
    const failed = report.testResults.flatMap((r) => r.assertionResults.filter((a) => a.status !== 'passed' && a.status !== 'todo').map((a) => `${r.name}: ${a.fullName}`));
    assert.deepEqual(failed, [], run.stderr.slice(0, 20_000));
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
    assert.equal(todo, 1, 'the operation without logic has one todo');
    const all = report.testResults.flatMap((r) => r.assertionResults);
    assert.equal(all.length, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    console.log(`      ${FIXTURE}: ${String(generated - todo)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed, ${String(testFiles.size)} generated test files`);
  });
});
