import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';
import { applySpecs, runTests, SPECS } from './nodeTestSteps';

async function assertRerunUnchanged(root: string, specs: readonly string[]): Promise<void> {
  for (const name of specs) {
    const again = await generateEndpoint({ root, text: readFileSync(join(SPECS, name), 'utf8') });
    assert.ok(again.kind === 'ok' && again.changeSet.files.length === 0, `re-running ${name} changed ${again.kind === 'ok' ? again.changeSet.files.map((f) => f.path).join(', ') : again.kind}`);
  }
}

/** Type-checks with the fixture's tsc, runs its old and generated tests; returns the generated count. */
function checkSuite(root: string, written: readonly string[], oldTests: readonly string[], oldCount: number): { generated: number; todo: number } {
  const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const generatedFiles = [...new Set(written.filter((p) => /\.(?:test|spec)\.ts$/.test(p)))];
  const generated = generatedFiles.reduce((n, p) => n + [...readFileSync(join(root, p), 'utf8').matchAll(/^\s*it(?:\.todo)?\(/gm)].length, 0);
  assert.ok(generated > 0, `generated test files: ${generatedFiles.join(', ')}`);
  const all = runTests(root, [...oldTests, ...generatedFiles]);
  assert.equal(all.fail, 0, all.output);
  assert.equal(all.pass + all.todo, generated + oldCount, all.output);
  return { generated, todo: all.todo };
}

describe('Fastify generation in the project\'s validation dialect', function () {
  this.timeout(600_000);
  const specs = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();

  it('fastify-zod-provider: zod route schemas checked by fastify-type-provider-zod, the plugin booted alone with the app\'s compilers', async function () {
    const root = prepareWorkspace('fastify-zod-provider');
    const written = await applySpecs(root, specs);
    assert.ok(!written.includes('package.json'), 'zod is already a dependency');
    assert.ok(!written.includes('src/validationError.ts'), 'Fastify answers invalid input: no validation-error helper');
    const routes = readFileSync(join(root, 'src/routes/gadgets.ts'), 'utf8');
    assert.match(routes, /export const gadgetsRoutes: FastifyPluginAsyncZod<GadgetsRoutesOptions> = async \(fastify, options\) =>/);
    assert.match(routes, /\{ schema: \{ params: GadgetIdParamsSchema, body: GadgetSchema \} \}/);
    assert.doesNotMatch(routes, /safeParse/);
    assert.match(readFileSync(join(root, 'src/app.ts'), 'utf8'), /^app\.register\(gadgetsRoutes, \{ prefix: '\/gadgets' \}\);$/m);
    const tests = readFileSync(join(root, 'test/gadgets.test.ts'), 'utf8');
    assert.match(tests, /app\.setValidatorCompiler\(validatorCompiler\);/, 'the bare app sets the compilers the project\'s app sets');
    assert.match(tests, /src\/cache\.ts:1 imports ioredis/, 'the suite says why it does not boot the app');
    await assertRerunUnchanged(root, specs);
    const { generated, todo } = checkSuite(root, written, ['test/health.test.ts'], 2);
    console.log(`      fastify-zod-provider: ${String(generated)} generated tests (${String(todo)} todo), 2 old tests, all passing`);
  });

  it('fastify-json-schema-autoload: no validation library, so plain JSON Schema checked by Fastify; nothing added to package.json', async function () {
    const root = prepareWorkspace('fastify-json-schema-autoload');
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    const written = await applySpecs(root, specs);
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), pkg, 'no dependency added');
    for (const path of written) {
      assert.doesNotMatch(readFileSync(join(root, path), 'utf8'), /from ['"]zod['"]/, `${path} imports no zod`);
    }
    const routes = readFileSync(join(root, 'src/app/routes/gadgets/index.ts'), 'utf8');
    assert.match(routes, /const gadgetsRoutes: FastifyPluginAsync<GadgetsRoutesOptions> = async \(fastify, options\) =>/);
    assert.match(routes, /fastify\.put<\{ Params: GadgetIdParams; Body: GadgetInput; \}>\('\/:id'/);
    assert.match(readFileSync(join(root, 'src/app/schemas/gadgets.ts'), 'utf8'), /^export const GadgetSchema = \{ type: 'object'/m, 'schemas beside the app plugin (src/app/), not beside main.ts');
    await assertRerunUnchanged(root, specs);
    const { generated, todo } = checkSuite(root, written, ['src/app/routes/root.spec.ts'], 1);
    console.log(`      fastify-json-schema-autoload: ${String(generated)} generated tests (${String(todo)} todo), 1 old test, all passing`);
  });
});
