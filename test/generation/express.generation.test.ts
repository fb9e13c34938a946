import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressGenerator } from '../../src/core/codegen/express/expressGenerator';
import type { CodegenOptions } from '../../src/core/codegen/types';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { ALL_CASES } from './generationSpecs';
import { countTests } from './testCounts';

interface RunnerReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string }[] }[];
}

interface FixtureCase {
  readonly fixture: string;
  readonly options: CodegenOptions;
  readonly oldTests: number;
  readonly runTests: (root: string, out: string) => readonly string[];
}

const FIXTURES: readonly FixtureCase[] = [
  {
    fixture: 'express5-vitest',
    oldTests: 1,
    runTests: (_root, out) => ['vitest', 'run', '--reporter=json', `--outputFile=${out}`],
    options: {
      framework: 'express', frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
      style: { quote: 'single', semicolons: false, indent: '  ', trailingComma: true },
      layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
    },
  },
  {
    fixture: 'express4-jest',
    oldTests: 2,
    runTests: (_root, out) => ['jest', '--json', `--outputFile=${out}`],
    options: {
      framework: 'express', frameworkMajor: 4, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
      style: { quote: 'double', semicolons: true, indent: '    ', trailingComma: true },
      layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'src', testSuffix: '.spec.ts', testsColocated: true, appFile: 'src/app.ts' },
    },
  },
];

describe('Express generation into real fixture projects', function () {
  this.timeout(240_000);
  for (const fx of FIXTURES) {
    it(`${fx.fixture}: generated code type-checks and every generated and old test passes`, function () {
      const root = prepareWorkspace(fx.fixture);
      const testFiles = new Set<string>();
      for (const c of ALL_CASES) {
        const files = expressGenerator.generate({ spec: c.spec, options: fx.options, files: diskFiles(root), handlerBodies: c.handlerBodies });
        assert.ok(files.length > 0, `${c.name} generated nothing`);
        writeFiles(root, files);
        files.filter((f) => f.path.endsWith(fx.options.layout.testSuffix)).forEach((f) => testFiles.add(f.path));
      }
      for (const c of ALL_CASES) {
        const again = expressGenerator.generate({ spec: c.spec, options: fx.options, files: diskFiles(root), handlerBodies: c.handlerBodies });
        assert.deepEqual(again.map((f) => f.path), [], `re-running ${c.name} changed files`);
      }
      // Routers are mounted where a person would: after the app's body parser, not ahead of it.
      const appText = readFileSync(join(root, 'src/app.ts'), 'utf8');
      const firstMount = /app\.use\(['"]\//.exec(appText)?.index ?? -1;
      assert.ok(firstMount > appText.indexOf('app.use(express.json())'), `the first router follows express.json():\n${appText}`);
      const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
      assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
      const out = join(root, 'test-report.json');
      const [runner = '', ...runnerArgs] = fx.runTests(root, out);
      const run = spawnSync(fixtureBin(root, runner), runnerArgs, { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const report = JSON.parse(readFileSync(out, 'utf8')) as RunnerReport;
      const countIn = (path: string, status: string): number =>
        report.testResults.filter((r) => r.name.endsWith(path)).flatMap((r) => r.assertionResults).filter((a) => a.status === status).length;
      let generated = 0;
      let todo = 0;
      for (const path of testFiles) {
        const expected = countTests(readFileSync(join(root, path), 'utf8'));
        const oldInFile = countTests(diskFiles(join(root, '..', '..', fx.fixture)).read(path) ?? '').total;
        assert.equal(countIn(path, 'passed'), expected.run, `${path}: every test passed`);
        assert.equal(countIn(path, 'todo'), expected.todo, `${path}: the todo tests are todos`);
        generated += expected.total - oldInFile;
        todo += expected.todo;
      }
      const all = report.testResults.flatMap((r) => r.assertionResults);
      assert.equal(all.filter((a) => a.status !== 'passed' && a.status !== 'todo').length, 0);
      assert.equal(todo, 1, 'the operation without logic has one todo');
      assert.equal(all.length, generated + fx.oldTests, 'generated tests plus the fixture\'s own');
      console.log(`      ${fx.fixture}: ${String(generated - todo)} generated tests passed, ${String(todo)} todo, ${String(fx.oldTests)} old tests passed, ${String(testFiles.size)} test files`);
    });
  }
});
