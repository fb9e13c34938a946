import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ABSENT, captureBaseline } from '../../../src/core/changes/captureBaseline';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { findStaleFiles } from '../../../src/core/changes/findStaleFiles';
import { readFileState, type FileState } from '../../../src/core/changes/readFileState';
import { TempProject } from './tempProject';

describe('captureBaseline and findStaleFiles', () => {
  let project: TempProject;
  let cs: ChangeSet;
  beforeEach(() => {
    project = new TempProject().write('src/app.ts', 'const app = 1;\n').write('src/db.ts', 'export const db = 1;\n');
    cs = {
      root: project.root,
      summary: 'Add users',
      files: [
        { path: 'src/app.ts', before: 'const app = 1;\n', after: 'const app = 2;\n' },
        { path: 'src/users.ts', before: undefined, after: 'export {};\n' },
      ],
    };
  });
  afterEach(() => project.dispose());

  it('records sha256 hashes of existing files and marks missing ones', async () => {
    const baseline = await captureBaseline(project.root, ['src/app.ts', 'src/users.ts']);
    assert.equal(baseline.hashes.get('src/app.ts'), createHash('sha256').update('const app = 1;\n').digest('hex'));
    assert.equal(baseline.hashes.get('src/users.ts'), ABSENT);
  });

  it('finds nothing when the disk still matches', async () => {
    const baseline = await captureBaseline(project.root, ['src/app.ts', 'src/users.ts', 'src/db.ts']);
    assert.deepEqual(await findStaleFiles(project.root, cs, baseline), []);
  });

  it('reports a file the user edited while the model was thinking', async () => {
    project.write('src/app.ts', 'const app = 1; // my edit\n');
    assert.deepEqual(await findStaleFiles(project.root, cs), [{ path: 'src/app.ts', reason: 'modified' }]);
  });

  it('reports a new file that appeared at a path we meant to create, and a deleted file', async () => {
    project.write('src/users.ts', 'mine\n');
    rmSync(join(project.root, 'src/app.ts'));
    assert.deepEqual(await findStaleFiles(project.root, cs), [
      { path: 'src/app.ts', reason: 'deleted' },
      { path: 'src/users.ts', reason: 'created' },
    ]);
  });

  it('reports a folder at a path we meant to create', async () => {
    mkdirSync(join(project.root, 'src/users.ts'));
    assert.deepEqual(await findStaleFiles(project.root, cs), [{ path: 'src/users.ts', reason: 'created' }]);
  });

  it('reports a context file of the baseline that changed, though the set does not touch it', async () => {
    const baseline = await captureBaseline(project.root, ['src/db.ts']);
    project.write('src/db.ts', 'export const db = 2;\n');
    assert.deepEqual(await findStaleFiles(project.root, cs, baseline), [{ path: 'src/db.ts', reason: 'modified' }]);
  });

  it('reports a file whose baseline differs from the before the generator used', async () => {
    const baseline = await captureBaseline(project.root, ['src/app.ts']);
    const drifted: ChangeSet = { ...cs, files: [{ path: 'src/app.ts', before: 'older\n', after: 'x' }] };
    assert.deepEqual(await findStaleFiles(project.root, drifted, baseline), [{ path: 'src/app.ts', reason: 'modified' }]);
  });
});

describe('findStaleFiles with a reader (the editor passes one that sees unsaved buffers)', () => {
  let project: TempProject;
  afterEach(() => project.dispose());

  it('reports a file whose unsaved buffer differs though the disk still matches', async () => {
    project = new TempProject().write('src/app.ts', 'const app = 1;\n');
    const cs: ChangeSet = { root: project.root, summary: 's', files: [{ path: 'src/app.ts', before: 'const app = 1;\n', after: 'const app = 2;\n' }] };
    const unsaved = join(project.root, 'src/app.ts');
    const read = async (path: string): Promise<FileState> => (path === unsaved ? { kind: 'file', text: 'const app = 1; // typing\n' } : readFileState(path));
    assert.deepEqual(await findStaleFiles(project.root, cs), []);
    assert.deepEqual(await findStaleFiles(project.root, cs, undefined, read), [{ path: 'src/app.ts', reason: 'modified' }]);
  });
});
