import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyChangeSet } from '../../src/core/changes/applyChangeSet';
import { generateEndpoint, type EndpointResult } from '../../src/core/endpoint/generateEndpoint';
import { loadSpecFile } from '../../src/core/endpointSpec/inputs/loadSpecFile';
import type { EndpointSpec } from '../../src/core/endpointSpec';
import { snapshotTree } from '../support/snapshotTree';
import { fixtureBin, prepareWorkspace } from './fixtureWorkspace';

const FIXTURE = 'monorepo-npm-workspaces';
const SPECS_DIR = join(import.meta.dirname, '..', '..', 'corpus', 'specs');

interface VitestReport {
  readonly testResults: readonly { readonly name: string; readonly assertionResults: readonly { readonly status: string; readonly title: string }[] }[];
}

async function corpusSpecs(): Promise<{ name: string; spec: EndpointSpec }[]> {
  const names = readdirSync(SPECS_DIR).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, spec: (await loadSpecFile(join(SPECS_DIR, name))).spec })));
}

function okOrThrow(result: EndpointResult, what: string): Extract<EndpointResult, { kind: 'ok' }> {
  if (result.kind !== 'ok') {
    assert.fail(`${what}: ${result.kind} ${JSON.stringify('questions' in result ? result.questions : result)}`);
  }
  return result;
}

function vitest(dir: string, out: string): VitestReport {
  const run = spawnSync(fixtureBin(dir, 'vitest'), ['run', '--reporter=json', `--outputFile=${out}`], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
}

describe('Monorepo (npm workspaces) generation through the real pipeline', function () {
  this.timeout(300_000);
  it(`${FIXTURE}: the corpus specs go into apps/api only; the other app and the shared package are untouched`, async function () {
    const root = prepareWorkspace(FIXTURE);
    const api = join(root, 'apps', 'api');
    const specs = await corpusSpecs();
    const untouched = { admin: snapshotTree(join(root, 'apps', 'admin')), shared: snapshotTree(join(root, 'packages', 'shared')), rootPackage: readFileSync(join(root, 'package.json'), 'utf8') };

    // From the workspace root: two backend apps, so a question listing both and nothing else.
    const first = specs[0]!;
    const asked = await generateEndpoint({ root, spec: first.spec });
    assert.equal(asked.kind, 'needs-input');
    assert.deepEqual(asked.kind === 'needs-input' ? asked.questions.map((q) => [q.fact, q.candidates]) : [], [['package', ['apps/admin', 'apps/api']]]);

    // Answered by package name (as the CLI's --package and the editor's quick pick do); then from inside the package.
    const written = new Set<string>();
    for (const [index, { name, spec }] of specs.entries()) {
      const result = okOrThrow(await generateEndpoint(index === 0 ? { root, spec, overrides: { package: '@fixture/api' } } : { root: join(api, 'src'), spec }), name);
      assert.equal(result.changeSet.root, api, `${name}: the change set belongs to apps/api`);
      assert.equal(result.facts.workspace?.root, root);
      assert.match(result.notes[0] ?? '', /^npm workspaces monorepo at .*: working in apps\/api/);
      const errors = result.changeSet.files.flatMap((f) => (f.diagnostics ?? []).filter((d) => d.category === 'error').map((d) => `${f.path}:${d.line} ${d.message}`));
      assert.deepEqual(errors, [], `${name}: no type errors`);
      assert.ok(result.changeSet.files.length > 0, `${name} generated nothing`);
      for (const path of await applyChangeSet(result.changeSet)) {
        written.add(relative(api, join(api, path)));
      }
    }
    assert.ok([...written].every((path) => !path.startsWith('..')), 'every file inside apps/api');
    assert.ok(readFileSync(join(api, 'src', 'app.ts'), 'utf8').includes("from './routes/"), 'routers registered in apps/api/src/app.ts');

    // A second run changes nothing.
    for (const { name, spec } of specs) {
      const again = okOrThrow(await generateEndpoint({ root: api, spec }), `${name} again`);
      assert.deepEqual(again.changeSet.files.map((f) => f.path), [], `re-running ${name} changed files`);
    }

    assert.deepEqual(snapshotTree(join(root, 'apps', 'admin')), untouched.admin, 'apps/admin untouched');
    assert.deepEqual(snapshotTree(join(root, 'packages', 'shared')), untouched.shared, 'packages/shared untouched');
    assert.equal(readFileSync(join(root, 'package.json'), 'utf8'), untouched.rootPackage, 'root package.json untouched');

    const tsc = spawnSync(fixtureBin(api, 'tsc'), ['--noEmit', '-p', '.'], { cwd: api, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    const results = vitest(api, join(root, 'api-report.json')).testResults.flatMap((r) => r.assertionResults);
    const old = results.filter((a) => a.title === 'answers ok');
    const generated = results.filter((a) => a.title !== 'answers ok');
    const count = (status: string): number => generated.filter((a) => a.status === status).length;
    assert.deepEqual(old.map((a) => a.status), ['passed'], 'the old test still passes');
    assert.equal(count('failed'), 0, 'no generated test fails');
    assert.ok(count('passed') > 0, 'generated tests ran');
    assert.equal(count('passed') + count('todo'), generated.length, 'every generated test passed or is a todo');
    console.log(`      ${FIXTURE}: ${String(specs.length)}/4 specs applied in apps/api, ${String(count('passed'))} generated tests passed, ${String(count('todo'))} todo, old test 1/1 passing, apps/admin and packages/shared unchanged, re-run unchanged`);
  });
});
