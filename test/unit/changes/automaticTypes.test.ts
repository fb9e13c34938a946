import assert from 'node:assert/strict';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { typeCheckChangeSet } from '../../../src/core/changes/typeCheckChangeSet';
import { TempProject } from './tempProject';

// What @types/jest (or @types/mocha) amounts to for the checker: global declarations in a package.
const JEST_TYPES = 'declare function describe(name: string, fn: () => void): void;\ndeclare function it(name: string, fn: () => Promise<void>): void;\ndeclare function expect(actual: unknown): { toBe(expected: unknown): void };\n';
const GENERATED_TEST = "describe('products', () => {\n  it('works', async () => {\n    expect(1).toBe(1);\n  });\n});\n";

/** A project whose own compiler is TypeScript `version`, with jest's globals in `typesDir`. */
function projectOn(version: string, typesDir = 'node_modules/@types/jest'): TempProject {
  return new TempProject()
    .write('package.json', JSON.stringify({ name: 'api', devDependencies: { typescript: version, '@types/jest': '30.0.0' } }))
    .write('node_modules/typescript/package.json', JSON.stringify({ name: 'typescript', version }))
    .write(`${typesDir}/package.json`, JSON.stringify({ name: '@types/jest', version: '30.0.0', types: 'index.d.ts' }))
    .write(`${typesDir}/index.d.ts`, JEST_TYPES);
}

const strict = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', skipLibCheck: true, ...extra }, include: ['src'] });

async function errorsOf(root: string, path = 'src/products.spec.ts'): Promise<string[]> {
  const changeSet: ChangeSet = { root, summary: 's', files: [{ path, before: undefined, after: GENERATED_TEST }] };
  const result = await typeCheckChangeSet(changeSet);
  return (result.files[0]?.diagnostics ?? []).map((d) => d.message);
}

describe('typeCheckChangeSet: the @types the project\'s compiler includes', function () {
  this.timeout(60_000);
  const projects: TempProject[] = [];
  const track = (p: TempProject): TempProject => {
    projects.push(p);
    return p;
  };
  afterEach(() => projects.splice(0).forEach((p) => p.dispose()));

  it('includes every @types package when a TypeScript 5 project sets no `types` (its own tsc does)', async () => {
    const p = track(projectOn('5.8.3').write('tsconfig.json', strict()));
    assert.deepEqual(await errorsOf(p.root), []);
  });

  it('keeps a `types` list that leaves jest out: the generated test is refused as by the project\'s tsc', async () => {
    const p = track(projectOn('5.8.3').write('tsconfig.json', strict({ types: [] })));
    assert.ok((await errorsOf(p.root)).includes("Cannot find name 'expect'."));
  });

  it('reads `types` through an `extends` chain into a package config', async () => {
    const p = track(projectOn('5.8.3')
      .write('node_modules/@acme/tsconfig/base.json', JSON.stringify({ compilerOptions: { types: [] } }))
      .write('node_modules/@acme/tsconfig/package.json', JSON.stringify({ name: '@acme/tsconfig', version: '1.0.0' }))
      .write('tsconfig.json', JSON.stringify({ extends: '@acme/tsconfig/base.json', compilerOptions: { strict: true, module: 'commonjs' }, include: ['src'] })));
    assert.ok((await errorsOf(p.root)).includes("Cannot find name 'expect'."));
  });

  it('follows `typeRoots`: only the folders it names are searched', async () => {
    const p = track(projectOn('5.8.3', 'typings/jest-globals').write('tsconfig.json', strict({ typeRoots: ['./typings'] })));
    assert.deepEqual(await errorsOf(p.root), []);
    const q = track(projectOn('5.8.3').write('tsconfig.json', strict({ typeRoots: ['./typings'] })));
    assert.ok((await errorsOf(q.root)).includes("Cannot find name 'expect'."));
  });

  it('finds @types and TypeScript hoisted to a workspace root, with the package extending the root config', async () => {
    const p = track(projectOn('5.8.3')
      .write('tsconfig.base.json', strict())
      .write('packages/api/package.json', JSON.stringify({ name: 'api' }))
      .write('packages/api/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'] })));
    assert.deepEqual(await errorsOf(`${p.root}/packages/api`), []);
  });

  it('includes them for a TypeScript 5 project without a tsconfig too', async () => {
    const p = track(projectOn('5.8.3'));
    assert.deepEqual(await errorsOf(p.root), []);
  });

  it('includes none on TypeScript 6, whose `types` defaults to none (its own tsc reports the same)', async () => {
    const p = track(projectOn('6.0.2').write('tsconfig.json', strict()));
    assert.ok((await errorsOf(p.root)).includes("Cannot find name 'expect'."));
  });

  it('keeps TypeScript 5\'s other defaults: not strict unless configured, deprecated options still work', async () => {
    const p = track(projectOn('5.8.3').write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'commonjs', baseUrl: '.' }, include: ['src'] })));
    const result = await typeCheckChangeSet({ root: p.root, summary: 's', files: [{ path: 'src/loose.ts', before: undefined, after: 'export function f(x) {\n  return x;\n}\n' }] });
    assert.deepEqual(result.files[0]?.diagnostics, []);
  });
});
