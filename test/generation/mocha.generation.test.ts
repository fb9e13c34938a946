import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressGenerator } from '../../src/core/codegen/express/expressGenerator';
import { codegenOptionsFrom } from '../../src/core/endpoint/codegenOptions';
import { detectProject } from '../../src/core/project/detectProject';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';
import { ALL_CASES } from './generationSpecs';
import { countTests } from './testCounts';

/** The parts of mocha's `json` reporter output this test reads. */
interface MochaReport {
  readonly stats: { readonly tests: number; readonly passes: number; readonly failures: number; readonly pending: number };
  readonly passes: readonly { readonly file?: string }[];
  readonly pending: readonly { readonly file?: string }[];
}

const FIXTURE = 'express-mocha';
const OLD_TESTS = 1;

describe('Express generation into a real mocha fixture project', function () {
  this.timeout(240_000);
  it(`${FIXTURE}: detected options, generated code type-checks and every generated and old test passes`, async function () {
    const root = prepareWorkspace(FIXTURE, 'generation-express-mocha');
    const options = codegenOptionsFrom(await detectProject(root));
    assert.equal(options.testRunner, 'mocha');
    assert.deepEqual([options.moduleKind, options.importExtension, options.zodMajor, options.frameworkMajor], ['esm', '.js', 4, 5]);
    const testFiles = new Set<string>();
    for (const c of ALL_CASES) {
      const files = expressGenerator.generate({ spec: c.spec, options, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.ok(files.length > 0, `${c.name} generated nothing`);
      writeFiles(root, files);
      files.filter((f) => f.path.endsWith(options.layout.testSuffix)).forEach((f) => testFiles.add(f.path));
    }
    for (const c of ALL_CASES) {
      const again = expressGenerator.generate({ spec: c.spec, options, files: diskFiles(root), handlerBodies: c.handlerBodies });
      assert.deepEqual(again.map((f) => f.path), [], `re-running ${c.name} changed files`);
    }
    for (const path of testFiles) {
      const source = readFileSync(join(root, path), 'utf8');
      assert.doesNotMatch(source, /from '(vitest|node:test|@jest\/globals)'|expect\(/, `${path} is written for mocha`);
      assert.match(source, /import assert from 'node:assert\/strict';/);
    }
    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'test-report.json');
    // The fixture's .mocharc.json gives the tsx loader and the spec glob: the whole suite runs.
    const run = spawnSync(fixtureBin(root, 'mocha'), ['--reporter', 'json', '--reporter-option', `output=${out}`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8')) as MochaReport;
    let generated = 0;
    let todo = 0;
    const inFile = (tests: readonly { readonly file?: string }[], path: string): number => tests.filter((p) => p.file?.replace(/\\/g, '/').endsWith(`/${path}`)).length;
    for (const path of testFiles) {
      const expected = countTests(readFileSync(join(root, path), 'utf8'));
      const oldInFile = countTests(diskFiles(join(root, '..', '..', FIXTURE)).read(path) ?? '').total;
      assert.equal(inFile(report.passes, path), expected.run, `${path}: every test passed`);
      assert.equal(inFile(report.pending, path), expected.todo, `${path}: the todo tests are pending`);
      generated += expected.total - oldInFile;
      todo += expected.todo;
    }
    assert.equal(todo, 1, 'the operation without logic has one pending test');
    assert.deepEqual({ ...report.stats }, { ...report.stats, failures: 0, pending: todo });
    assert.equal(report.stats.tests, generated + OLD_TESTS, 'generated tests plus the fixture\'s own');
    assert.equal(report.stats.passes, report.stats.tests - todo);
    console.log(`      ${FIXTURE}: ${String(generated - todo)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old test passed, ${String(testFiles.size)} test files`);
  });
});
