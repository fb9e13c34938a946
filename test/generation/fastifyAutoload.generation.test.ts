import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';
import { applySpecs, runTests, SPECS } from './nodeTestSteps';

const FIXTURE = 'fastify-autoload-typebox';
/** The fixture's own tests (test/routes/root.test.ts and notes.test.ts). */
const OLD_TESTS = 5;

describe('Fastify generation into an autoload + TypeBox project (the fastify-cli layout)', function () {
  this.timeout(600_000);
  it(`${FIXTURE}: the corpus specs land in autoloaded route folders, tested through test/helper.ts`, async function () {
    const root = prepareWorkspace(FIXTURE);
    const app = readFileSync(join(root, 'src/app.ts'), 'utf8');
    const specs = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();
    const written = await applySpecs(root, specs);
    assert.ok(written.includes('src/routes/gadgets/index.ts'), 'a route folder autoload registers');
    assert.ok(written.includes('test/routes/gadgets.test.ts'), 'tests beside the project\'s route tests');
    assert.equal(readFileSync(join(root, 'src/app.ts'), 'utf8'), app, 'no registration edit: autoload loads the folder');
    assert.ok(!written.includes('package.json'), 'no dependency added: nothing imports zod');
    const routes = readFileSync(join(root, 'src/routes/gadgets/index.ts'), 'utf8');
    assert.match(routes, /FastifyPluginAsyncTypebox/);
    assert.match(routes, /export default gadgetsRoutes/);
    const tests = readFileSync(join(root, 'test/routes/gadgets.test.ts'), 'utf8');
    assert.match(tests, /import \{ build \} from '\.\.\/helper\.js'/, 'the project\'s helper builds the app');
    assert.match(tests, /app\.swagger\(\)/, 'the OpenAPI document is checked');

    for (const name of specs) {
      const again = await generateEndpoint({ root, text: readFileSync(join(SPECS, name), 'utf8') });
      assert.ok(again.kind === 'ok' && again.changeSet.files.length === 0, `re-running ${name} changed ${again.kind === 'ok' ? again.changeSet.files.map((f) => f.path).join(', ') : again.kind}`);
    }

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const generatedFiles = [...new Set(written.filter((p) => p.endsWith('.test.ts')))];
    const generated = generatedFiles.reduce((n, p) => n + [...readFileSync(join(root, p), 'utf8').matchAll(/^\s*it(?:\.todo)?\(/gm)].length, 0);
    const all = runTests(root, ['test/routes/root.test.ts', 'test/routes/notes.test.ts', ...generatedFiles]);
    assert.equal(all.fail, 0, all.output);
    assert.equal(all.pass + all.todo, generated + OLD_TESTS, all.output);
    console.log(`      ${FIXTURE}: ${String(generated)} generated tests (${String(all.todo)} todo), ${String(OLD_TESTS)} old tests, all passing`);
  });
});
