import assert from 'node:assert/strict';
import { RoutecraftError } from '../../../src/core/errors';
import { detectProject, type ProjectFacts } from '../../../src/core/project';
import { json, memoryFsAt, npmTree, nxTree, pnpmTree, type AbsoluteTree } from './workspaceTrees';

function detect(tree: AbsoluteTree, root: string): Promise<ProjectFacts> {
  return detectProject(root, memoryFsAt(tree, root));
}

describe('project/detectProject in a monorepo package', () => {
  it('Nx project without package.json: dependencies, lockfile, formatter and installed versions from the workspace root', async () => {
    const facts = await detect(nxTree(), '/repo/apps/api');
    assert.deepEqual(facts.framework, { name: 'nestjs', major: 11 });
    // jest and vitest are both at the root: the project's test target (@nx/jest:jest) decides.
    assert.deepEqual(facts.testRunner, { name: 'jest', assertion: 'expect' });
    assert.equal(facts.packageManager, 'npm');
    assert.deepEqual(facts.zod, { major: 3 });
    assert.equal(facts.typescriptVersion, '5.6.0');
    // tsconfig.json is a solution file: tsconfig.app.json says CommonJS; the base's rootDir "." (the workspace) is not the source folder.
    assert.equal(facts.moduleKind, 'cjs');
    assert.equal(facts.layout.sourceDir, 'src');
    assert.equal(facts.layout.appFile, 'src/app/app.module.ts');
    assert.equal(facts.style.quote, 'double', 'the root .prettierrc');
    assert.deepEqual(facts.workspace, { root: '/repo', kinds: ['nx'], evidence: ['nx.json'], ownPackageJson: false });
    assert.deepEqual(facts.unknowns, []);
  });

  it('Nx: a second app on the same root dependencies gets the framework its code imports, not the root\'s first', async () => {
    const facts = await detect(nxTree(), '/repo/apps/worker');
    assert.deepEqual(facts.framework, { name: 'express', major: 4 });
    assert.equal(facts.layout.appFile, 'src/main.ts');
  });

  it('Nx: a folder with neither package.json nor project.json is refused as before', async () => {
    const tree = nxTree();
    delete tree['/repo/apps/api/project.json'];
    await assert.rejects(detect(tree, '/repo/apps/api'), (error: unknown) => error instanceof RoutecraftError && /No package\.json in \/repo\/apps\/api/.test(error.message));
  });

  it('pnpm + Turborepo package: its own framework and runner, TypeScript installed at the root, pnpm from the root lockfile', async () => {
    const facts = await detect(pnpmTree(), '/mono/apps/api');
    assert.deepEqual(facts.framework, { name: 'hono', major: 4 });
    assert.deepEqual(facts.testRunner, { name: 'vitest', assertion: 'expect' });
    assert.equal(facts.packageManager, 'pnpm');
    assert.equal(facts.typescriptVersion, '5.6.3', 'from /mono/node_modules');
    assert.equal(facts.moduleKind, 'esm');
    assert.deepEqual(facts.workspace?.kinds, ['pnpm', 'turbo']);
    assert.equal(facts.workspace?.ownPackageJson, true);
  });

  it('npm workspaces package: a framework listed only at the root does not leak into a package with its own package.json', async () => {
    const tree: AbsoluteTree = { ...npmTree(), '/ws/package.json': json({ workspaces: ['apps/*'], dependencies: { express: '^5.0.0' }, devDependencies: { jest: '^29.7.0', typescript: '^5.6.0' } }) };
    const facts = await detect(tree, '/ws/apps/admin');
    assert.deepEqual(facts.framework, { name: 'fastify', major: 5 });
    assert.deepEqual(facts.testRunner, { name: 'jest', assertion: 'expect' }, 'jest hoisted to the root counts');
    assert.equal(facts.typescriptVersion, '5.6.0');
  });

  it('the workspace root itself is detected as before (no workspace fact)', async () => {
    const facts = await detect(npmTree(), '/ws');
    assert.equal(facts.workspace, undefined);
  });
});
