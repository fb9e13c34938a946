import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ProjectModels } from '../../../src/core/projectModel/projectModels';
import { TempProject } from '../changes/tempProject';
import { typeCheckChangeSet } from '../../../src/core/changes/typeCheckChangeSet';

describe('ProjectModels: one model per folder, released when the folder closes, when idle or when too big', () => {
  const A = join('/work', 'a');
  const B = join('/work', 'a', 'packages', 'b');

  it('keeps one model per root and finds the innermost folder of a path', () => {
    const models = new ProjectModels({ idleMs: 60_000, maxChars: 1_000_000 });
    const a = models.get(A, 0);
    assert.equal(models.get(A, 1), a);
    const b = models.get(B, 2);
    assert.equal(models.owning(join(B, 'src', 'x.ts')), b);
    assert.equal(models.owning(join(A, 'src', 'x.ts')), a);
    assert.equal(models.owning(join('/work', 'ab', 'x.ts')), undefined);
    assert.equal(models.release(A), true);
    assert.equal(models.release(A), false);
    assert.deepEqual(models.roots(), [B]);
  });

  it('releases models unused for idleMs, and none that was used since', () => {
    const models = new ProjectModels({ idleMs: 60_000, maxChars: 1_000_000 });
    models.get(A, 0);
    const b = models.get(B, 0);
    b.beginRequest(50_000);
    b.endRequest(50_000);
    assert.deepEqual(models.releaseIdle(59_999), []);
    assert.deepEqual(models.releaseIdle(60_000), [A]);
    assert.deepEqual(models.roots(), [B]);
    assert.deepEqual(models.releaseIdle(110_000), [B]);
    assert.deepEqual(models.roots(), []);
  });

  it('empties a model holding more text than maxChars after its request, and keeps none when idleMs is 0', async () => {
    const project = new TempProject()
      .write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, types: [], skipLibCheck: true } }))
      .write('src/user.ts', 'export const user = 1;\n');
    try {
      const models = new ProjectModels({ idleMs: 60_000, maxChars: 1_000 });
      const model = models.get(project.root);
      await typeCheckChangeSet({ root: project.root, summary: 's', files: [{ path: 'src/use.ts', before: undefined, after: "import { user } from './user';\nexport const n: number = user;\n" }] }, { session: model.session });
      assert.ok(model.chars > 1_000, String(model.chars));
      models.afterRequest(model);
      assert.equal(model.chars, 0);
      assert.equal(models.find(project.root), model);
      models.setLimits({ idleMs: 0, maxChars: 1_000 });
      models.afterRequest(model);
      assert.equal(models.find(project.root), undefined);
    } finally {
      project.dispose();
    }
  });
});
