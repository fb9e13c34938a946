import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressGenerator } from '../../src/core/codegen/express/expressGenerator';
import { codegenOptionsFrom } from '../../src/core/endpoint/codegenOptions';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { detectProject } from '../../src/core/project/detectProject';
import { loadSpecFile } from '../../src/core/endpointSpec/inputs/loadSpecFile';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';

interface VitestReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string; readonly title: string }[] }[];
}

const SPECS = join(import.meta.dirname, '..', '..', 'corpus', 'specs');
const OLD_TESTS = 3;

function countIts(source: string): number {
  return [...source.matchAll(/^\s*it(?:\.todo)?\(/gm)].length;
}

describe('Express feature folders + zod-to-openapi registry (express-feature-folders)', function () {
  this.timeout(600_000);

  it('writes each corpus spec beside the neighbour feature, registers it in the app and the document, and the suite passes', async function () {
    const root = prepareWorkspace('express-feature-folders');
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
    for (const path of ['src/features/gadget/gadgetRouter.ts', 'src/features/gadget/gadgetModel.ts', 'src/features/gadget/__tests__/gadgetRouter.test.ts', 'src/features/warehouse/warehouseRouter.ts', 'src/features/order/__tests__/orderRouter.test.ts']) {
      assert.ok(written.has(path), `${path} written (got ${[...written].join(', ')})`);
    }
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    assert.match(app, /import \{ gadgetRouter \} from '@\/features\/gadget\/gadgetRouter';/);
    assert.ok(app.indexOf("app.use('/gadgets', gadgetRouter);") > app.indexOf("app.use('/books', bookRouter);"), 'registered after the neighbour');
    assert.ok(app.indexOf("app.use('/orders', orderRouter);") < app.indexOf('app.use(docsRouter);'), 'registered before the docs router and the 404 handler');
    assert.match(readFileSync(join(root, 'src/docs/openApiDocument.ts'), 'utf8'), /new OpenAPIRegistry\(\[bookRegistry, gadgetRegistry, warehouseRegistry, orderRegistry\]\)/);
    const testText = readFileSync(join(root, 'src/features/gadget/__tests__/gadgetRouter.test.ts'), 'utf8');
    assert.match(testText, /from '@\/app'/, 'tests import the app through the alias, like the neighbour');

    const options = codegenOptionsFrom(await detectProject(root));
    for (const name of specs) {
      const { spec } = await loadSpecFile(join(SPECS, name));
      const again = expressGenerator.generate({ spec, options, files: diskFiles(root), handlerBodies: {} });
      assert.deepEqual(again.map((f) => f.path), [], `re-running ${name} changed files`);
    }

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'vitest-report.json');
    const run = spawnSync(fixtureBin(root, 'vitest'), ['run', '--reporter=json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
    const all = report.testResults.flatMap((r) => r.assertionResults);
    const generatedTests = [...written].filter((p) => p.endsWith('.test.ts')).reduce((sum, p) => sum + countIts(readFileSync(join(root, p), 'utf8')), 0);
    const passed = all.filter((a) => a.status === 'passed').length;
    const todo = all.filter((a) => a.status === 'todo' || a.status === 'pending' || a.status === 'skipped').length;
    assert.equal(all.filter((a) => a.status === 'failed').length, 0);
    assert.equal(all.length, generatedTests + OLD_TESTS, 'generated tests plus the fixture\'s own');
    assert.ok(all.some((a) => a.status === 'passed' && a.title === 'lists GET /gadgets/search'), 'the served document lists a new path');
    console.log(`      express-feature-folders: ${String(passed - OLD_TESTS)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed`);
  });
});
