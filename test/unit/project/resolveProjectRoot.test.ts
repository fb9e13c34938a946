import assert from 'node:assert/strict';
import { RoutecraftError } from '../../../src/core/errors';
import { resolveProjectRoot, type FsAt, type ProjectRootResult } from '../../../src/core/project/resolveProjectRoot';
import { findWorkspaceRoot } from '../../../src/core/project/workspace';
import { json, memoryFsAt, npmTree, nxTree, pnpmTree, type AbsoluteTree } from './workspaceTrees';

function fsAt(tree: AbsoluteTree): FsAt {
  return (dir) => memoryFsAt(tree, dir);
}

function rootOf(result: ProjectRootResult): string {
  assert.equal(result.kind, 'project', JSON.stringify(result));
  return result.kind === 'project' ? result.root : '';
}

describe('project/resolveProjectRoot (monorepos)', () => {
  it('outside a monorepo: the folder given, unchanged', async () => {
    const tree = { '/app/package.json': json({ dependencies: { express: '^5.0.0' } }) };
    assert.deepEqual(await resolveProjectRoot({ start: '/app' }, fsAt(tree)), { kind: 'project', root: '/app' });
  });

  it('finds each kind of workspace root and its evidence', async () => {
    const nx = await findWorkspaceRoot(memoryFsAt(nxTree(), '/repo/apps/api'), 3);
    assert.deepEqual([nx?.dir, nx?.kinds, nx?.evidence], ['../..', ['nx'], ['nx.json']]);
    const pnpm = await findWorkspaceRoot(memoryFsAt(pnpmTree(), '/mono/apps/api'), 3);
    // apps/api/turbo.json extends the root's: not a root.
    assert.deepEqual([pnpm?.dir, pnpm?.kinds, pnpm?.patterns], ['../..', ['pnpm', 'turbo'], ['apps/*', 'packages/*']]);
    const npm = await findWorkspaceRoot(memoryFsAt(npmTree(), '/ws/apps/shop/src'), 4);
    assert.deepEqual([npm?.dir, npm?.kinds], ['../../..', ['npm']]);
    const yarn = await findWorkspaceRoot(memoryFsAt({ ...npmTree(), '/ws/yarn.lock': '', '/ws/turbo.json': '{}' }, '/ws'), 1);
    assert.deepEqual(yarn?.kinds, ['yarn', 'turbo']);
  });

  it('Nx: the project containing --project, though it has no package.json', async () => {
    const result = await resolveProjectRoot({ start: '/repo/apps/api/src/app' }, fsAt(nxTree()));
    assert.equal(rootOf(result), '/repo/apps/api');
    assert.match(result.kind === 'project' ? result.workspace?.note ?? '' : '', /^Nx monorepo at \/repo: working in apps\/api, the package containing the folder given\.$/);
  });

  it('Nx root with two apps: a package question listing the apps only (not the library), nothing chosen', async () => {
    const result = await resolveProjectRoot({ start: '/repo' }, fsAt(nxTree()));
    assert.equal(result.kind, 'ambiguous');
    if (result.kind === 'ambiguous') {
      assert.equal(result.question.fact, 'package');
      assert.deepEqual(result.question.candidates, ['apps/api', 'apps/worker']);
      assert.match(result.question.reason, /\/repo is in the Nx monorepo at \/repo, which has several backend packages \(apps\/api \(nestjs\), apps\/worker \(express\)\)/);
    }
  });

  it('Nx root with --package: by project.json name or by folder', async () => {
    assert.equal(rootOf(await resolveProjectRoot({ start: '/repo', packageName: 'worker' }, fsAt(nxTree()))), '/repo/apps/worker');
    assert.equal(rootOf(await resolveProjectRoot({ start: '/repo', packageName: './apps/api/' }, fsAt(nxTree()))), '/repo/apps/api');
  });

  it('an unknown --package is refused with the list of packages', async () => {
    await assert.rejects(resolveProjectRoot({ start: '/repo', packageName: 'billing' }, fsAt(nxTree())), (error: unknown) => {
      assert.ok(error instanceof RoutecraftError);
      assert.match(error.message, /No package "billing" in the Nx monorepo at \/repo; its packages are apps\/api \(nestjs\), apps\/worker \(express\), libs\/shared \(express\)\./);
      return true;
    });
  });

  it('pnpm + Turborepo root with one backend app: that app, said so', async () => {
    const result = await resolveProjectRoot({ start: '/mono' }, fsAt(pnpmTree()));
    assert.equal(rootOf(result), '/mono/apps/api');
    assert.match(result.kind === 'project' ? result.workspace?.note ?? '' : '', /pnpm workspaces \+ Turborepo monorepo at \/mono: working in apps\/api \(@mono\/api, hono\), its only backend package/);
  });

  it('npm workspaces root with two backend apps: ambiguous; a library and an excluded folder are no candidates', async () => {
    const result = await resolveProjectRoot({ start: '/ws' }, fsAt(npmTree()));
    assert.equal(result.kind, 'ambiguous');
    assert.deepEqual(result.kind === 'ambiguous' ? result.question.candidates : [], ['apps/admin', 'apps/shop']);
  });

  it('the active file picks its package, even when --project is the workspace root', async () => {
    const result = await resolveProjectRoot({ start: '/ws', activeFile: '/ws/apps/admin/src/server.ts' }, fsAt(npmTree()));
    assert.equal(rootOf(result), '/ws/apps/admin');
  });

  it('a folder between packages narrows the candidates to those below it', async () => {
    const tree = npmTree();
    delete tree['/ws/apps/admin/package.json'];
    delete tree['/ws/apps/admin/src/server.ts'];
    assert.equal(rootOf(await resolveProjectRoot({ start: '/ws/apps' }, fsAt(tree))), '/ws/apps/shop');
  });

  it('a workspace without a backend app is refused in one sentence', async () => {
    const tree = pnpmTree();
    delete tree['/mono/apps/api/package.json'];
    delete tree['/mono/apps/api/src/index.ts'];
    delete tree['/mono/apps/api/turbo.json'];
    await assert.rejects(resolveProjectRoot({ start: '/mono' }, fsAt(tree)), /No backend app \(a package that creates an express, fastify, NestJS or hono app\) in the pnpm workspaces \+ Turborepo monorepo at \/mono; open the backend package's folder or pass --package\./);
  });

  it('a workspace root that is itself the app (no member is a backend) is used as before', async () => {
    const tree: AbsoluteTree = {
      '/one/package.json': json({ workspaces: ['packages/*'], dependencies: { express: '^5.0.0' } }),
      '/one/src/app.ts': "import express from 'express';\nexport const app = express();\n",
      '/one/packages/util/package.json': json({ name: 'util' }),
    };
    assert.deepEqual(await resolveProjectRoot({ start: '/one' }, fsAt(tree)), { kind: 'project', root: '/one' });
  });
});
