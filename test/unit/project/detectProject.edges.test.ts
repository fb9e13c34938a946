import assert from 'node:assert/strict';
import { RoutecraftError } from '../../../src/core/errors';
import { createMemoryProjectFs, detectProject, formatFacts, type ProjectFacts } from '../../../src/core/project';
import { readTsconfig } from '../../../src/core/project/tsconfig';
import { express4Tree, express5Tree, type Tree } from './projectTrees';

function detect(tree: Tree): Promise<ProjectFacts> {
  return detectProject('/repo/packages/api', createMemoryProjectFs(tree));
}

function pkg(value: Record<string, unknown>): string {
  return `${JSON.stringify({ name: 'x', ...value }, null, 2)}\n`;
}

describe('project/detectProject edge cases', () => {
  it('rejects a folder without package.json with a message that says what to open', async () => {
    await assert.rejects(detect({ 'src/index.ts': 'export {};\n', '../../package.json': pkg({ workspaces: ['packages/*'] }) }), (error: unknown) => {
      assert.ok(error instanceof RoutecraftError);
      assert.equal(error.code, 'file-not-found');
      assert.match(error.message, /No package\.json in \/repo\/packages\/api/);
      assert.match(error.message, /monorepo/);
      return true;
    });
  });

  it('rejects a package.json that is not JSON', async () => {
    await assert.rejects(detect({ 'package.json': '{ "name": ' }), (error: unknown) => error instanceof RoutecraftError && error.code === 'invalid-input');
  });

  it('finds a monorepo lockfile in a parent folder; packageManager field wins over lockfiles', async () => {
    const tree = express4Tree();
    delete tree['package-lock.json'];
    assert.equal((await detect({ ...tree, '../../pnpm-lock.yaml': '' })).packageManager, 'pnpm');
    assert.equal((await detect({ ...tree, 'package.json': pkg({ packageManager: 'yarn@4.1.0', dependencies: { express: '^4.0.0' } }), 'package-lock.json': '{}' })).packageManager, 'yarn');
    assert.equal((await detect({ ...tree })).packageManager, 'npm', 'npm when nothing says otherwise');
  });

  it('several frameworks: an unknown with candidates ordered by what the code creates, never a silent pick', async () => {
    const facts = await detect({
      'package.json': pkg({ dependencies: { express: '^4.21.0', fastify: '^5.0.0' }, devDependencies: { vitest: '^2.0.0' } }),
      'src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify();\napp.register(routes);\n",
    });
    assert.equal(facts.framework, undefined);
    const unknown = facts.unknowns.find((u) => u.fact === 'framework');
    assert.deepEqual(unknown?.candidates, ['fastify', 'express']);
    assert.match(unknown?.reason ?? '', /several frameworks \(express, fastify\); the code creates a fastify app/);
  });

  it('NestJS on Fastify is NestJS, not ambiguous', async () => {
    const facts = await detect({ 'package.json': pkg({ dependencies: { '@nestjs/core': '^11.0.1', '@nestjs/platform-fastify': '^11.0.1', fastify: '^5.2.0' } }) });
    assert.deepEqual(facts.framework, { name: 'nestjs', major: 11 });
    assert.equal(facts.unknowns.some((u) => u.fact === 'framework'), false);
  });

  it('no framework, no test runner: unknowns for both, with every candidate', async () => {
    const facts = await detect({ 'package.json': pkg({ dependencies: { zod: '^4.1.0' } }) });
    assert.deepEqual(facts.unknowns.map((u) => [u.fact, u.candidates]), [
      ['framework', ['nestjs', 'express', 'fastify', 'hono']],
      ['testRunner', ['vitest', 'jest', 'node:test', 'mocha']],
    ]);
  });

  it('a version that is only a tag falls back to the installed version, else asks', async () => {
    const installed = await detect({
      'package.json': pkg({ dependencies: { express: 'latest', zod: 'latest' } }),
      'node_modules/express/package.json': '{ "version": "5.1.0" }',
      'node_modules/zod/package.json': '{ "version": "4.0.17" }',
    });
    assert.deepEqual(installed.framework, { name: 'express', major: 5 });
    assert.deepEqual(installed.zod, { major: 4 });
    const unknownVersion = await detect({ 'package.json': pkg({ dependencies: { fastify: 'latest' }, devDependencies: { jest: '^29.0.0' } }) });
    assert.deepEqual(unknownVersion.framework, { name: 'fastify', major: 5 });
    assert.deepEqual(unknownVersion.unknowns.find((u) => u.fact === 'framework')?.candidates, ['fastify@5', 'fastify@4']);
  });

  it('zod 3 vs 4 from the range (3.25 ships zod/v4 but is zod 3)', async () => {
    const zodOf = async (range: string): Promise<ProjectFacts['zod']> => (await detect({ 'package.json': pkg({ dependencies: { express: '^5.0.0', zod: range } }) })).zod;
    assert.deepEqual(await zodOf('^3.25.76'), { major: 3 });
    assert.deepEqual(await zodOf('~3.22.4'), { major: 3 });
    assert.deepEqual(await zodOf('^4.1.5'), { major: 4 });
    assert.deepEqual(await zodOf('>=4.0.0 <5'), { major: 4 });
  });

  it('two files that create the app: unknown appFile; routes in unrelated folders: unknown routesDir', async () => {
    const facts = await detect({
      'package.json': pkg({ dependencies: { express: '^4.21.0' }, devDependencies: { jest: '^29.0.0' } }),
      'src/public.ts': "import express from 'express';\nexport const app = express();\n",
      'src/admin.ts': "import express from 'express';\nexport const admin = express();\n",
      'src/http/users.ts': "import { Router } from 'express';\nexport const users = Router();\n",
      'src/handlers/orders.ts': "import { Router } from 'express';\nexport const orders = Router();\n",
    });
    assert.equal(facts.layout.appFile, undefined);
    assert.deepEqual(facts.unknowns.find((u) => u.fact === 'appFile')?.candidates, ['src/admin.ts', 'src/public.ts']);
    assert.deepEqual(facts.unknowns.find((u) => u.fact === 'routesDir')?.candidates, ['src/handlers', 'src/http']);
  });

  it('feature folders give their parent as routesDir; no route files give src/routes without asking', async () => {
    const base = { 'package.json': pkg({ dependencies: { express: '^4.21.0' }, devDependencies: { jest: '^29.0.0' } }), 'src/app.ts': "import express from 'express';\nexport const app = express();\napp.get('/health', (_q, r) => r.send('ok'));\n" };
    const features = await detect({
      ...base,
      'src/modules/users/users.routes.ts': "import { Router } from 'express';\nexport const r = Router();\n",
      'src/modules/orders/orders.routes.ts': "import { Router } from 'express';\nexport const r = Router();\n",
    });
    assert.equal(features.layout.routesDir, 'src/modules');
    const none = await detect(base);
    assert.equal(none.layout.routesDir, 'src/routes');
    assert.equal(none.unknowns.length, 0);
  });

  it('test runner: the test script picks among several; node:test from test imports', async () => {
    const scripted = await detect({ 'package.json': pkg({ scripts: { test: 'vitest run' }, dependencies: { hono: '^4.0.0' }, devDependencies: { jest: '^29.0.0', vitest: '^2.0.0' } }) });
    assert.equal(scripted.testRunner?.name, 'vitest');
    const both = await detect({ 'package.json': pkg({ dependencies: { hono: '^4.0.0' }, devDependencies: { jest: '^29.0.0', vitest: '^2.0.0' } }) });
    assert.deepEqual(both.unknowns.find((u) => u.fact === 'testRunner')?.candidates, ['vitest', 'jest']);
    const mocha = await detect({ 'package.json': pkg({ dependencies: { express: '^4.0.0' }, devDependencies: { mocha: '^10.0.0', chai: '^5.0.0', supertest: '^7.0.0' } }) });
    assert.deepEqual(mocha.testRunner, { name: 'mocha', assertion: 'chai' });
    const nodeTest = await detect({
      'package.json': pkg({ dependencies: { express: '^4.0.0' } }),
      'test/a.test.ts': "import { it } from 'node:test';\nimport assert from 'node:assert/strict';\n",
    });
    assert.deepEqual(nodeTest.testRunner, { name: 'node:test', assertion: 'node:assert' });
    // bun runs its own tests (learn-hono4 in the corpus): say so instead of "no test file shows one".
    const bun = await detect({
      'package.json': pkg({ dependencies: { hono: '^4.5.1' }, devDependencies: { '@types/bun': 'latest' } }),
      'src/users.test.ts': "import { describe, expect, test } from 'bun:test';\nimport app from './index';\n",
    });
    assert.equal(bun.testRunner, undefined);
    assert.match(bun.unknowns.find((u) => u.fact === 'testRunner')?.reason ?? '', /^the tests use bun:test \(.*users\.test\.ts\), which Routecraft cannot write tests for/);
  });

  it('neighbours decide the .js extension when the config does not require it; aliases only when used', async () => {
    const tree = express5Tree();
    const bundler = await detect({ ...tree, 'tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler", "paths": { "@/*": ["./src/*"] } } }' });
    assert.equal(bundler.importExtension, '.js');
    assert.deepEqual(bundler.pathAliases, [{ prefix: '@/', target: 'src/' }], 'paths resolve against the tsconfig folder without baseUrl');
    const cjs = await detect(express4Tree());
    assert.equal(cjs.importExtension, '');
  });

  it('follows tsconfig extends through relative files and packages, later layers winning', async () => {
    const fs = createMemoryProjectFs({
      'tsconfig.json': '{ "extends": ["@tsconfig/node20", "./config/tsconfig.paths.json"], "compilerOptions": { /* mine */ "moduleResolution": "node16", } }',
      'node_modules/@tsconfig/node20/tsconfig.json': '{ "compilerOptions": { "module": "node16", "moduleResolution": "node16" } }',
      'config/tsconfig.paths.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "baseUrl": "..", "paths": { "~/*": ["src/*"] } } }',
      'config/tsconfig.base.json': '{ "compilerOptions": { "module": "NodeNext", "rootDir": "../src" } }',
    });
    const info = await readTsconfig(fs);
    assert.equal(info.module, 'nodenext');
    assert.equal(info.moduleResolution, 'node16');
    assert.equal(info.baseUrl, '.');
    assert.equal(info.rootDir, 'src');
    assert.deepEqual(info.paths, { '~/*': ['src/*'] });
  });

  it('formatFacts: a few readable lines, unknowns included', async () => {
    const text = formatFacts(await detect(express4Tree()));
    assert.equal(text.split('\n').length, 5);
    assert.match(text, /^Project \/repo\/packages\/api: express 4, CJS, npm, TypeScript 5\.4\.5$/m);
    assert.match(text, /^Tests: jest \(expect\) \+ supertest, in test\/ \(\*\.test\.ts\)$/m);
    assert.match(text, /^Files: sources in src\/, routes in src\/routes\/, app in src\/app\.ts$/m);
    assert.match(text, /^Style: single quotes, semicolons, 2 spaces, trailing commas$/m);
    const ambiguous = formatFacts(await detect({ 'package.json': pkg({ dependencies: { express: '^4.0.0', hono: '^4.0.0' } }) }));
    assert.match(ambiguous, /^Undecided framework: package\.json lists several frameworks \(express, hono\) \(candidates: express, hono\)$/m);
  });
});
