import assert from 'node:assert/strict';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { CheckSession } from '../../../src/core/changes/checkSession';
import { typeCheckChangeSet } from '../../../src/core/changes/typeCheckChangeSet';
import { TempProject } from '../changes/tempProject';

const USER_NUMBER = 'export interface User {\n  id: number;\n}\n';
const USER_STRING = 'export interface User {\n  id: string;\n}\n';

describe('CheckSession: the warm type check never sees stale files', () => {
  let project: TempProject;
  let session: CheckSession;
  beforeEach(() => {
    project = new TempProject()
      .write('package.json', JSON.stringify({ type: 'module' }))
      .write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true } }))
      .write('src/user.ts', USER_NUMBER);
    session = new CheckSession();
  });
  afterEach(() => project.dispose());

  const uses = (value: string): ChangeSet => ({ root: project.root, summary: 's', files: [{ path: 'src/use.ts', before: undefined, after: `import type { User } from './user.js';\nexport const u: User = { id: ${value} };\n` }] });
  const codes = async (changeSet: ChangeSet): Promise<number[] | undefined> => (await typeCheckChangeSet(changeSet, { session })).files[0]?.diagnostics?.map((d) => d.code);

  it('the second check reuses every parse and the previous program, and finds the same errors', async () => {
    assert.deepEqual(await codes(uses("'one'")), [2322]);
    assert.equal(session.lastReuse?.programReused, false);
    assert.ok((session.lastReuse?.newParses ?? 0) > 1);
    assert.deepEqual(await codes(uses("'two'")), [2322]);
    assert.deepEqual(session.lastReuse, { reusedParses: session.lastReuse?.reusedParses, newParses: 0, programReused: true });
    assert.deepEqual(await codes(uses('1')), []);
  });

  it('an edit on disk is seen by the next check, even one that keeps the size and the mtime (the file event says so)', async () => {
    const file = join(project.root, 'src/user.ts');
    // A whole-second mtime, so that it can be put back exactly.
    const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(file, stamp, stamp);
    assert.deepEqual(await codes(uses('1')), []);
    // Same length as USER_NUMBER, same mtime: only the watcher's event can tell.
    const sameSize = 'export interface User {\n  id: bigint;\n}\n';
    assert.equal(sameSize.length, USER_NUMBER.length);
    project.write('src/user.ts', sameSize);
    utimesSync(file, stamp, stamp);
    assert.equal(statSync(file).mtimeMs, stamp.getTime());
    session.fileEvent(file, 'changed');
    assert.deepEqual(await codes(uses('1')), [2322]);
    // A plain save (new mtime) is seen without any event.
    project.write('src/user.ts', USER_STRING);
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    assert.deepEqual(await codes(uses("'ok'")), []);
  });

  it('an unsaved editor is seen by the next check, and the disk again once it is saved or closed', async () => {
    assert.deepEqual(await codes(uses('1')), []);
    session.setBuffer(join(project.root, 'src/user.ts'), USER_STRING);
    assert.deepEqual(await codes(uses('1')), [2322]);
    session.setBuffer(join(project.root, 'src/user.ts'), `${USER_STRING}export const more = 1;\n`);
    assert.deepEqual(await codes(uses("'typed'")), []);
    session.setBuffer(join(project.root, 'src/user.ts'), undefined);
    assert.deepEqual(await codes(uses('1')), []);
  });

  it('a file created on disk is seen (a new module resolves), then its edits', async () => {
    const importsHelper: ChangeSet = { root: project.root, summary: 's', files: [{ path: 'src/use.ts', before: undefined, after: "import { helper } from './helper.js';\nexport const n: number = helper();\n" }] };
    assert.deepEqual(await codes(importsHelper), [2307]);
    project.write('src/helper.ts', 'export function helper(): number {\n  return 1;\n}\n');
    session.fileEvent(join(project.root, 'src/helper.ts'), 'created');
    assert.deepEqual(await codes(importsHelper), []);
    project.write('src/helper.ts', 'export function helper(): string {\n  return "1";\n}\n');
    session.fileEvent(join(project.root, 'src/helper.ts'), 'changed');
    assert.deepEqual(await codes(importsHelper), [2322]);
  });

  it('a changed tsconfig changes the options of the next check', async () => {
    const implicitAny: ChangeSet = { root: project.root, summary: 's', files: [{ path: 'src/f.ts', before: undefined, after: 'export function f(x) {\n  return x;\n}\n' }] };
    assert.deepEqual(await codes(implicitAny), [7006]);
    project.write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noImplicitAny: false, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true } }));
    session.fileEvent(join(project.root, 'tsconfig.json'), 'changed');
    assert.deepEqual(await codes(implicitAny), []);
  });
});
