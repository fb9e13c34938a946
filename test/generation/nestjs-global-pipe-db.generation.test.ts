import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyChangeSet } from '../../src/core/changes/applyChangeSet';
import { nestjsGenerator } from '../../src/core/codegen/nestjs/nestjsGenerator';
import { codegenOptionsFrom } from '../../src/core/endpoint/codegenOptions';
import { generateEndpoint } from '../../src/core/endpoint/generateEndpoint';
import { detectProject } from '../../src/core/project/detectProject';
import { loadSpecFile } from '../../src/core/endpointSpec/inputs/loadSpecFile';
import type { EndpointSpec } from '../../src/core/endpointSpec';
import { fixtureBin, diskFiles, prepareWorkspace } from './fixtureWorkspace';

interface JestReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string; readonly fullName: string }[] }[];
}

const FIXTURE = 'nestjs-global-pipe-db';
const SPECS = join(import.meta.dirname, '..', '..', 'corpus', 'specs');
/** The fixture's own tests: two in src/cats/cats.service.spec.ts, two in test/cats.e2e-spec.ts. */
const OLD_TESTS = 4;

function jest(root: string, name: string, config: readonly string[]): JestReport {
  const out = join(root, `${name}-report.json`);
  spawnSync(fixtureBin(root, 'jest'), [...config, '--json', `--outputFile=${out}`], { cwd: root, encoding: 'utf8' });
  return JSON.parse(readFileSync(out, 'utf8')) as JestReport;
}

async function corpusSpecs(): Promise<{ name: string; spec: EndpointSpec }[]> {
  const names = readdirSync(SPECS).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(names.map(async (name) => ({ name, spec: (await loadSpecFile(join(SPECS, name))).spec })));
}

/** Every spec through the real pipeline (detection, generation, type check), written as the CLI's --write does. */
async function applySpecs(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const { name, spec } of await corpusSpecs()) {
    const result = await generateEndpoint({ root, spec });
    assert.equal(result.kind, 'ok', `${name}: ${JSON.stringify(result.kind === 'needs-input' ? result.questions : result)}`);
    if (result.kind !== 'ok') {
      continue;
    }
    const errors = result.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}: ${d.message}`));
    assert.deepEqual(errors, [], `${name}: no type errors`);
    written.push(...(await applyChangeSet(result.changeSet, { checkStale: true, baseline: result.baseline })));
  }
  return [...new Set(written)];
}

/** The second run: what the generator would change now (the type check is skipped: nothing may change). */
async function rerun(root: string): Promise<string[]> {
  const options = codegenOptionsFrom(await detectProject(root));
  const specs = await corpusSpecs();
  return specs.flatMap(({ spec }) => nestjsGenerator.generate({ spec, options, files: diskFiles(root), handlerBodies: {} }).map((f) => f.path));
}

describe('NestJS generation into an app whose AppModule needs a database (global pipe, prefix, versioning)', function () {
  this.timeout(300_000);
  it(`${FIXTURE}: the four corpus specs type-check, boot only their feature modules with the app's setup, pass; re-running changes nothing`, async function () {
    const root = prepareWorkspace(FIXTURE, `${FIXTURE}-generation`);
    const written = await applySpecs(root);
    assert.deepEqual(await rerun(root), [], 're-running the specs changes nothing');

    const appModule = readFileSync(join(root, 'src/app.module.ts'), 'utf8');
    for (const name of ['GadgetsModule', 'WarehousesModule', 'OrdersModule']) {
      assert.equal(appModule.split(name).length - 1, 2, `${name} imported and registered once`);
    }
    const testFiles = written.filter((path) => path.endsWith('.e2e-spec.ts')).sort();
    assert.deepEqual(testFiles, ['test/gadgets.e2e-spec.ts', 'test/orders.e2e-spec.ts', 'test/warehouses.e2e-spec.ts'], 'e2e specs beside the existing one');
    const gadgets = readFileSync(join(root, 'test/gadgets.e2e-spec.ts'), 'utf8');
    assert.match(gadgets, /imports: \[GadgetsModule\] \}/, 'boots the feature module, not the AppModule');
    assert.doesNotMatch(gadgets, /AppModule/);
    assert.match(gadgets, /app\.setGlobalPrefix\('api'\);/);
    assert.match(gadgets, /enableImplicitConversion: true/);
    assert.match(gadgets, /app\.enableVersioning\(\{ type: VersioningType\.URI, defaultVersion: '1' \}\);/, 'versioning copied from the setup function main.ts calls');
    assert.match(gadgets, /\.post\('\/api\/v1\/gadgets'\)/);

    const tsc = spawnSync(fixtureBin(root, 'tsc'), ['--noEmit', '-p', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

    const reports = [jest(root, 'unit', []), jest(root, 'e2e', ['--config', './test/jest-e2e.json'])];
    const all = reports.flatMap((r) => r.testResults.flatMap((t) => t.assertionResults.map((a) => ({ ...a, file: t.name }))));
    const failed = all.filter((a) => a.status !== 'passed' && a.status !== 'todo').map((a) => `${a.file}: ${a.fullName} (${a.status})`);
    assert.deepEqual(failed, [], 'no failing test');
    const generated = all.filter((a) => testFiles.some((path) => a.file.endsWith(path)));
    const passed = generated.filter((a) => a.status === 'passed').length;
    const todo = generated.filter((a) => a.status === 'todo').length;
    assert.equal(all.length - generated.length, OLD_TESTS, 'the fixture\'s own tests ran and passed');
    assert.ok(passed > 100, `generated tests passed: ${String(passed)}`);
    assert.ok(gadgets.includes('400 when body.name has the wrong type (string expected)'), 'the wrong-type case is kept under implicit conversion');
    console.log(`      ${FIXTURE}: ${String(passed)} generated tests passed, ${String(todo)} todo, ${String(OLD_TESTS)} old tests passed`);
  });
});
