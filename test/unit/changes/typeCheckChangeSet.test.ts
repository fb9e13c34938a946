import assert from 'node:assert/strict';
import type { ChangeDiagnostic, ChangeSet } from '../../../src/core/changes/changeSet';
import { typeCheckChangeSet } from '../../../src/core/changes/typeCheckChangeSet';
import { TempProject } from './tempProject';

const strictNodeNext = {
  compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true },
  include: ['src'],
};

const brief = (diagnostics: readonly ChangeDiagnostic[] | undefined): string[] =>
  (diagnostics ?? []).map((d) => `${d.line}:${d.column} TS${d.code} ${d.category}`);

describe('typeCheckChangeSet', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject()
      .write('package.json', JSON.stringify({ type: 'module' }))
      .write('tsconfig.json', JSON.stringify(strictNodeNext))
      .write('src/user.ts', 'export interface User {\n  id: number;\n  name: string;\n}\n')
      // An error the change set does not touch: real, but not ours to report.
      .write('src/legacy.ts', 'export const broken: number = "not a number";\n');
  });
  afterEach(() => project.dispose());

  const check = (files: ChangeSet['files']): Promise<ChangeSet> => typeCheckChangeSet({ root: project.root, summary: 's', files });

  it('reports a type error in a changed file at the right line and column, with the new text', async () => {
    const after = [
      "import type { User } from './user.js';",
      "import { broken } from './legacy.js';",
      '',
      "export const ok: User = { id: 1, name: 'Ada' };",
      "export const bad: User = { id: 'two', name: 'Bob' };",
      'export const n: number = broken;',
      '',
    ].join('\n');
    const [routes] = (await check([{ path: 'src/routes.ts', before: undefined, after }])).files;
    assert.deepEqual(routes?.diagnostics, [
      { line: 5, column: 28, message: "Type 'string' is not assignable to type 'number'.", code: 2322, category: 'error' },
    ]);
  });

  it('checks an existing file as it will be, not as it is on disk', async () => {
    const result = await check([
      { path: 'src/user.ts', before: project.read('src/user.ts'), after: 'export interface User {\n  id: string;\n}\n' },
      { path: 'src/use.ts', before: undefined, after: "import type { User } from './user.js';\nexport const u: User = { id: 'x' };\n" },
    ]);
    assert.deepEqual(result.files.map((f) => brief(f.diagnostics)), [[], []]);
  });

  it('does not report an error an edited file already had, only the ones the change adds', async () => {
    const before = "import { missing } from 'not-installed';\nexport const a = missing;\n";
    const after = "import { missing } from 'not-installed';\nexport const a = missing;\nexport const b: number = 'x';\n";
    const [edited] = (await check([{ path: 'src/app.ts', before, after }])).files;
    assert.deepEqual(brief(edited?.diagnostics), ['3:14 TS2322 error']);
  });

  it('resolves imports between new files of the same set', async () => {
    const result = await check([
      { path: 'src/users/router.ts', before: undefined, after: "import { schema } from './schema.js';\nexport const s: string = schema;\n" },
      { path: 'src/users/schema.ts', before: undefined, after: 'export const schema = 42;\n' },
    ]);
    assert.deepEqual(brief(result.files[0]?.diagnostics), ['2:14 TS2322 error']);
    assert.deepEqual(result.files[1]?.diagnostics, []);
  });

  it('reports missing modules (they are real for the user) and leaves non-TypeScript files alone', async () => {
    const result = await check([
      { path: 'src/schema.ts', before: undefined, after: "import { z } from 'zod';\nexport const name = z.string();\n" },
      { path: 'package.json', before: '{}', after: '{"dependencies":{"zod":"^4"}}' },
    ]);
    assert.deepEqual(brief(result.files[0]?.diagnostics), ['1:19 TS2307 error']);
    assert.equal(result.files[1]?.diagnostics, undefined);
  });

  it('checks ESM rules in a "type": "module" project (the module format ts-morph leaves unset)', async () => {
    const result = await check([{ path: 'src/esm.ts', before: undefined, after: "import type { User } from './user';\nexport type U = User;\n" }]);
    assert.deepEqual(brief(result.files[0]?.diagnostics), ['1:27 TS2835 error']);
  });

  it('uses the tsconfig given, e.g. one that is not strict', async () => {
    project.write('tsconfig.loose.json', JSON.stringify({ compilerOptions: { ...strictNodeNext.compilerOptions, strict: false } }));
    const files = [{ path: 'src/loose.ts', before: undefined, after: 'export function f(x) {\n  return x;\n}\n' }];
    const strict = await check(files);
    const loose = await typeCheckChangeSet({ root: project.root, summary: 's', files }, { tsconfigPath: `${project.root}/tsconfig.loose.json` });
    assert.deepEqual(brief(strict.files[0]?.diagnostics), ['1:19 TS7006 error']);
    assert.deepEqual(loose.files[0]?.diagnostics, []);
  });

  describe('without a tsconfig', () => {
    const importsWithoutExtension: ChangeSet['files'] = [
      { path: 'src/a.ts', before: undefined, after: "import { b } from './b';\nexport function f(x) {\n  return x + b;\n}\n" },
      { path: 'src/b.ts', before: undefined, after: 'export const b = 1;\n' },
    ];

    it('checks strictly with NodeNext for "type": "module" (extensionless imports fail, as in Node)', async () => {
      const esm = new TempProject().write('package.json', JSON.stringify({ type: 'module' }));
      try {
        const result = await typeCheckChangeSet({ root: esm.root, summary: 's', files: importsWithoutExtension });
        assert.deepEqual(brief(result.files[0]?.diagnostics), ['1:19 TS2835 error', '2:19 TS7006 error']);
      } finally {
        esm.dispose();
      }
    });

    it('checks strictly with bundler resolution otherwise', async () => {
      const cjs = new TempProject().write('package.json', JSON.stringify({ name: 'x' }));
      try {
        const result = await typeCheckChangeSet({ root: cjs.root, summary: 's', files: importsWithoutExtension });
        assert.deepEqual(brief(result.files[0]?.diagnostics), ['2:19 TS7006 error']);
      } finally {
        cjs.dispose();
      }
    });
  });

  it('returns the set untouched when it has no TypeScript file', async () => {
    const cs: ChangeSet = { root: project.root, summary: 's', files: [{ path: 'README.md', before: 'a', after: 'b' }] };
    assert.equal(await typeCheckChangeSet(cs), cs);
  });
});
