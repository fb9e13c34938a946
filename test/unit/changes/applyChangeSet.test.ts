import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyChangeSet } from '../../../src/core/changes/applyChangeSet';
import { ApplyChangeSetError } from '../../../src/core/changes/applyChangeSetError';
import { captureBaseline } from '../../../src/core/changes/captureBaseline';
import type { ChangeSet } from '../../../src/core/changes/changeSet';
import { StaleFilesError } from '../../../src/core/changes/staleFilesError';
import { RoutecraftError } from '../../../src/core/errors';
import { TempProject } from './tempProject';

describe('applyChangeSet', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject().write('src/app.ts', 'app v1\n').write('src/db.ts', 'db v1\n').write('blocker', 'a file, not a folder\n');
  });
  afterEach(() => project.dispose());

  const fourFiles = (third: string, thirdBefore: string | undefined): ChangeSet => ({
    root: project.root,
    summary: 'Add users',
    files: [
      { path: 'src/app.ts', before: 'app v1\n', after: 'app v2\n' },
      { path: 'src/users/deep/router.ts', before: undefined, after: 'router\n' },
      { path: third, before: thirdBefore, after: 'third\n' },
      { path: 'src/db.ts', before: 'db v1\n', after: 'db v2\n' },
    ],
  });

  it('writes every file, creates folders, and returns the written paths', async () => {
    const written = await applyChangeSet(fourFiles('src/users/schema.ts', undefined));
    assert.deepEqual(written, ['src/app.ts', 'src/users/deep/router.ts', 'src/users/schema.ts', 'src/db.ts']);
    assert.equal(project.read('src/app.ts'), 'app v2\n');
    assert.equal(project.read('src/users/deep/router.ts'), 'router\n');
    assert.equal(project.read('src/db.ts'), 'db v2\n');
    assert.equal(leftovers(project.root).length, 0);
  });

  it('skips no-op changes and keeps the mode of a replaced file', async () => {
    project.write('run.sh', 'echo 1\n');
    chmodSync(join(project.root, 'run.sh'), 0o755);
    const written = await applyChangeSet({
      root: project.root,
      summary: 's',
      files: [
        { path: 'src/app.ts', before: 'app v1\n', after: 'app v1\n' },
        { path: 'run.sh', before: 'echo 1\n', after: 'echo 2\n' },
      ],
    });
    assert.deepEqual(written, ['run.sh']);
    assert.equal(statSync(join(project.root, 'run.sh')).mode & 0o777, 0o755);
  });

  it('writes nothing when the 3rd of 4 files cannot be written (its parent is a file), and names it', async () => {
    const before = project.snapshot();
    await assert.rejects(applyChangeSet(fourFiles('blocker/inside.ts', undefined)), (error: unknown) => {
      assert.ok(error instanceof ApplyChangeSetError);
      assert.equal(error.path, 'blocker/inside.ts');
      assert.equal(error.rolledBack, true);
      assert.match(error.message, /Could not write "blocker\/inside\.ts" .*No file was changed\./);
      return true;
    });
    assert.deepEqual(project.snapshot(), before);
  });

  it('rolls back files already moved into place when the 3rd of 4 fails at the last step', async () => {
    // A folder sits where the 3rd (new) file should go: staging succeeds, moving it into place
    // fails after the first two were written. checkStale is off so that the apply gets that far.
    mkdirSync(join(project.root, 'src/taken/sub'), { recursive: true });
    const before = project.snapshot();
    await assert.rejects(applyChangeSet(fourFiles('src/taken', undefined), { checkStale: false }), (error: unknown) => {
      assert.ok(error instanceof ApplyChangeSetError);
      assert.equal(error.path, 'src/taken');
      assert.deepEqual(error.rollbackFailures, []);
      return true;
    });
    assert.deepEqual(project.snapshot(), before, 'app.ts restored, router.ts and its new folders removed, no temp files');
  });

  it('refuses stale files before writing anything', async () => {
    const cs = fourFiles('src/users/schema.ts', undefined);
    project.write('src/db.ts', 'db v1 with my edit\n');
    const before = project.snapshot();
    await assert.rejects(applyChangeSet(cs), (error: unknown) => {
      assert.ok(error instanceof StaleFilesError);
      assert.equal(error.code, 'invalid-input');
      assert.deepEqual(error.staleFiles, [{ path: 'src/db.ts', reason: 'modified' }]);
      assert.match(error.message, /"src\/db\.ts" was edited since the change was generated\. Nothing was written/);
      return true;
    });
    assert.deepEqual(project.snapshot(), before);
  });

  it('refuses when a baseline context file changed', async () => {
    const baseline = await captureBaseline(project.root, ['blocker']);
    project.write('blocker', 'edited\n');
    await assert.rejects(applyChangeSet(fourFiles('src/users/schema.ts', undefined), { baseline }), StaleFilesError);
    assert.equal(project.read('src/app.ts'), 'app v1\n');
  });

  it('never clobbers a file that appeared at a new path, even with checkStale off', async () => {
    project.write('src/users/schema.ts', 'the user wrote this\n');
    await assert.rejects(applyChangeSet(fourFiles('src/users/schema.ts', undefined), { checkStale: false }), ApplyChangeSetError);
    assert.equal(project.read('src/users/schema.ts'), 'the user wrote this\n');
    assert.equal(project.read('src/app.ts'), 'app v1\n');
    assert.equal(existsSync(join(project.root, 'src/users/deep')), false);
  });

  it('refuses a set that changes the same file twice', async () => {
    const cs: ChangeSet = {
      root: project.root,
      summary: 's',
      files: [
        { path: 'src/app.ts', before: 'app v1\n', after: 'x' },
        { path: 'src/app.ts', before: 'x', after: 'y' },
      ],
    };
    await assert.rejects(applyChangeSet(cs), (error: unknown) => error instanceof RoutecraftError && /twice/.test(error.message));
    assert.equal(project.read('src/app.ts'), 'app v1\n');
  });
});

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}
