import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { honoGenerator } from '../../src/core/codegen/hono/honoGenerator';
import { codegenOptionsFrom } from '../../src/core/endpoint/codegenOptions';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { detectProject } from '../../src/core/project/detectProject';
import { loadSpecFile } from '../../src/core/endpointSpec/inputs/loadSpecFile';
import { fixtureBin, diskFiles, prepareWorkspace, writeFiles } from './fixtureWorkspace';

/** The parts of vitest's `json` reporter output this test reads. */
interface RunnerReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly title: string; readonly status: string }[] }[];
}

const FIXTURE = 'hono-openapi-factory';
const OLD_TESTS = 3;
const SPECS = join(import.meta.dirname, '..', '..', 'corpus', 'specs');

describe('Hono generation into an OpenAPIHono app built by factories (routes array, feature folders)', function () {
  this.timeout(300_000);
  it(`${FIXTURE}: the corpus specs through the real pipeline: feature folders, routes array, served document, every test passes or is a todo`, async function () {
    const root = prepareWorkspace(FIXTURE, 'generation-hono-openapi-factory');
    const specs = await Promise.all(readdirSync(SPECS).filter((n) => n.endsWith('.yaml')).sort().map(async (n) => (await loadSpecFile(join(SPECS, n))).spec));
    for (const spec of specs) {
      const result = await generateEndpoint({ root, spec });
      assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 2000));
      if (result.kind !== 'ok') {
        return;
      }
      const errors = result.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}: ${d.message}`));
      assert.deepEqual(errors, [], `${spec.resource}: the scoped type check`);
      writeFiles(root, result.changeSet.files);
    }
    const options = codegenOptionsFrom(await detectProject(root));
    for (const spec of specs) {
      assert.deepEqual(honoGenerator.generate({ spec, options, files: diskFiles(root), handlerBodies: {} }).map((f) => f.path), [], `re-running ${spec.resource} changed files`);
    }
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    assert.match(app, /^import gadgets from '@\/routes\/gadgets\/gadgets\.index'$/m, 'imported like the neighbour, through the alias, without semicolons');
    assert.match(app, /const routes = \[\n {2}index,\n {2}notes,\n {2}gadgets,\n {2}warehouses,\n {2}orders,\n\] as const/, 'appended to the routes array');
    assert.doesNotMatch(app, /app\.route\('\/gadgets'/, 'no second way of mounting');
    const index = readFileSync(join(root, 'src/routes/gadgets/gadgets.index.ts'), 'utf8');
    assert.match(index, /createRouter\(\)\n {2}\.openapi\(routes\.listGadgets, handlers\.listGadgets\)/);
    assert.ok(index.indexOf('routes.searchGadgets') < index.indexOf('routes.getGadget'), '/gadgets/search before /gadgets/{id}');
    assert.match(readFileSync(join(root, 'src/routes/gadgets/gadgets.routes.ts'), 'utf8'), /export const getGadget = createRoute\(\{\n {2}method: 'get',\n {2}path: '\/gadgets\/\{id\}',/);
    assert.match(readFileSync(join(root, 'src/routes/gadgets/gadgets.schemas.ts'), 'utf8'), /^import \{ z \} from '@hono\/zod-openapi'$/m);
    assert.match(readFileSync(join(root, 'src/routes/gadgets/gadgets.handlers.ts'), 'utf8'), /export const getGadget: AppRouteHandler<GetGadgetRoute> = async \(c\) => \{\n {2}const params = c\.req\.valid\('param'\)/);
    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const out = join(root, 'test-report.json');
    const run = spawnSync(fixtureBin(root, 'vitest'), ['run', '--reporter=json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(readFileSync(out, 'utf8')) as RunnerReport;
    const results = (suffix: string): RunnerReport['testResults'][number]['assertionResults'] => report.testResults.filter((r) => r.name.endsWith(suffix)).flatMap((r) => r.assertionResults);
    const failed = report.testResults.flatMap((r) => r.assertionResults.filter((a) => a.status === 'failed').map((a) => `${r.name}: ${a.title}`));
    assert.deepEqual(failed, [], run.stdout.slice(-3000));
    assert.equal(results('notes/notes.test.ts').filter((a) => a.status === 'passed').length, OLD_TESTS, 'the old tests still pass');
    const generated = ['gadgets', 'warehouses', 'orders'].map((name) => results(`${name}/${name}.test.ts`));
    const passed = generated.flat().filter((a) => a.status === 'passed').length;
    const todo = generated.flat().filter((a) => a.status === 'todo');
    assert.ok(generated.every((r) => r.length > 0), 'each feature has its tests beside it');
    assert.equal(todo.length, 6, 'the success tests of the six operations without logic (501) are todos');
    assert.deepEqual(todo.map((a) => a.title.slice(0, 3)).sort(), ['200', '200', '200', '200', '200', '201'], todo.map((a) => a.title).join('; '));
    assert.ok(todo.every((a) => /^20[01] for a valid request/.test(a.title)));
    const docTests = generated.flat().filter((a) => a.title.startsWith('lists '));
    assert.equal(docTests.length, 11, 'GET /doc lists every new operation');
    assert.ok(docTests.every((a) => a.status === 'passed'));
    console.log(`      ${FIXTURE}: ${String(passed)} generated tests passed (${String(docTests.length)} read GET /doc), ${String(todo.length)} todo, ${String(OLD_TESTS)} old tests passed`);
  });
});
