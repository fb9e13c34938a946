import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSnapshots, snapshotTree } from '../../../scripts/corpus/snapshot';
import { chooseInstall, foldersUp, installCommand, reinstallCommand } from '../../../scripts/corpus/workspace';

describe('corpus: install commands and tree snapshots', () => {
  it('installs frozen from the lockfile, in the package manager version the project names', () => {
    assert.equal(chooseInstall({ npmLock: true }), 'npm ci --no-audit --no-fund');
    assert.equal(chooseInstall({}), 'npm install --no-audit --no-fund');
    assert.equal(chooseInstall({ pnpmLock: "lockfileVersion: '9.0'\n" }), 'npx --yes pnpm@9 install --frozen-lockfile');
    assert.equal(chooseInstall({ pnpmLock: "lockfileVersion: '6.0'\n" }), 'npx --yes pnpm@8 install --frozen-lockfile');
    assert.equal(chooseInstall({ pnpmLock: "lockfileVersion: '6.0'\n", packageManager: 'pnpm@10.8.1+sha256.abc' }), 'npx --yes pnpm@10.8.1 install --frozen-lockfile');
    assert.equal(chooseInstall({ yarnLock: true }), 'npx --yes yarn@1 install --frozen-lockfile');
    assert.equal(chooseInstall({ yarnLock: true, yarnrcYarnPath: '.yarn/releases/yarn-4.1.0.cjs' }), 'node .yarn/releases/yarn-4.1.0.cjs install --immutable');
    assert.equal(chooseInstall({ yarnLock: true, yarnrcYarnPath: '', packageManager: 'yarn@3.6.0' }), 'npx --yes --package=@yarnpkg/cli-dist@3.6.0 yarn install --immutable');
  });

  it('reinstalls without the frozen lockfile after the CLI added a dependency', () => {
    assert.equal(reinstallCommand('npm ci --no-audit --no-fund'), 'npm install --no-audit --no-fund');
    assert.equal(reinstallCommand('npx --yes pnpm@9 install --frozen-lockfile'), 'npx --yes pnpm@9 install --no-frozen-lockfile');
    assert.equal(reinstallCommand('npx --yes yarn@1 install --frozen-lockfile'), 'npx --yes yarn@1 install');
    assert.equal(reinstallCommand('node .yarn/releases/yarn-4.1.0.cjs install --immutable'), 'node .yarn/releases/yarn-4.1.0.cjs install --no-immutable');
  });

  it('looks for hoisted node_modules from the package up to the repository root', () => {
    const workspace = { base: '/t', repoDir: '/t/repo', projectDir: '/t/repo/fastify-redis/apps/api', reportsDir: '/t/reports' };
    assert.deepEqual(foldersUp(workspace), ['/t/repo/fastify-redis/apps/api', '/t/repo/fastify-redis/apps', '/t/repo/fastify-redis', '/t/repo']);
    assert.deepEqual(foldersUp({ ...workspace, projectDir: '/t/repo' }), ['/t/repo']);
  });

  it('reads the facts from the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-install-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ packageManager: 'yarn@4.2.2' }));
      writeFileSync(join(dir, 'yarn.lock'), '');
      writeFileSync(join(dir, '.yarnrc.yml'), 'nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.2.2.cjs\n');
      assert.equal(installCommand(dir), 'node .yarn/releases/yarn-4.2.2.cjs install --immutable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('snapshots a tree without node_modules and .git and lists created, changed and deleted files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-snapshot-'));
    try {
      mkdirSync(join(dir, 'src'));
      mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
      mkdirSync(join(dir, '.git'));
      writeFileSync(join(dir, 'src', 'app.ts'), 'a');
      writeFileSync(join(dir, 'src', 'old.ts'), 'o');
      writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), '1');
      symlinkSync(join(dir, 'src'), join(dir, 'link'));
      const before = snapshotTree(dir);
      assert.deepEqual([...before.keys()].sort(), ['link', 'src/app.ts', 'src/old.ts']);
      writeFileSync(join(dir, 'src', 'app.ts'), 'b');
      writeFileSync(join(dir, 'src', 'new.ts'), 'n');
      rmSync(join(dir, 'src', 'old.ts'));
      writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), '2');
      writeFileSync(join(dir, '.git', 'HEAD'), 'x');
      assert.deepEqual(diffSnapshots(before, snapshotTree(dir)), ['src/app.ts', 'src/new.ts', 'src/old.ts']);
      assert.deepEqual(diffSnapshots(before, before), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
