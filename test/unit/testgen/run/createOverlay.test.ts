import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoutecraftError } from '../../../../src/core/errors';
import { createOverlay } from '../../../../src/core/testgen/run/createOverlay';
import { snapshotTree } from './processProbe';

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('createOverlay', () => {
  let root = '';
  let deps = '';

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'overlay-src-'));
    deps = mkdtempSync(join(tmpdir(), 'overlay-deps-'));
    write(root, 'package.json', '{"name":"p"}');
    write(root, 'src/a.ts', 'export const a = 1;');
    write(root, 'dist/a.js', 'built');
    write(root, '.git/HEAD', 'ref');
    write(root, 'coverage/lcov.info', 'x');
    write(root, 'big.json', 'x'.repeat(2048));
    write(deps, 'express/package.json', '{}');
    write(deps, '.vite/cache.json', '{}');
    symlinkSync(deps, join(root, 'node_modules'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(deps, { recursive: true, force: true });
  });

  it('copies sources, links dependencies entry by entry, writes extra files, and leaves the project untouched', async () => {
    const snapshot = snapshotTree(root);
    const overlay = await createOverlay(root, { extraFiles: { 'test/a.test.ts': 'test' }, maxFileBytes: 1024 });
    try {
      assert.equal(readFileSync(join(overlay.root, 'src/a.ts'), 'utf8'), 'export const a = 1;');
      assert.equal(readFileSync(join(overlay.root, 'test/a.test.ts'), 'utf8'), 'test');
      assert.deepEqual([existsSync(join(overlay.root, 'dist')), existsSync(join(overlay.root, '.git')), existsSync(join(overlay.root, 'coverage'))], [false, false, false]);
      assert.deepEqual(overlay.skippedLarge, ['big.json']);
      assert.equal(overlay.copiedFiles, 2);
      assert.ok(!lstatSync(join(overlay.root, 'node_modules')).isSymbolicLink(), 'node_modules is a real folder');
      assert.equal(realpathSync(join(overlay.root, 'node_modules/express')), realpathSync(join(deps, 'express')));
      assert.ok(!existsSync(join(overlay.root, 'node_modules/.vite')), 'runner caches are not shared');
    } finally {
      await overlay.dispose();
    }
    assert.ok(!existsSync(overlay.root));
    await overlay.dispose();
    assert.deepEqual(snapshotTree(root), snapshot);
  });

  it('refuses an extra file outside the copy or in node_modules', async () => {
    for (const path of ['../escape.ts', 'node_modules/express/index.js']) {
      await assert.rejects(createOverlay(root, { extraFiles: { [path]: 'x' } }), RoutecraftError);
    }
    assert.ok(!existsSync(join(root, '..', 'escape.ts')));
  });

  it('stops with a clear error past the file limit', async () => {
    await assert.rejects(createOverlay(root, { maxFiles: 1 }), (error: unknown) =>
      error instanceof RoutecraftError && /more than 1 files/.test(error.message));
  });
});
