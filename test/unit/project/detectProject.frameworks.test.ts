import assert from 'node:assert/strict';
import { createMemoryProjectFs, detectProject, type ProjectFacts } from '../../../src/core/project';
import { express4Tree, express5Tree, fastifyTree, honoTree, nestTree, type Tree } from './projectTrees';

function detect(tree: Tree): Promise<ProjectFacts> {
  return detectProject('/work/app', createMemoryProjectFs(tree));
}

describe('project/detectProject per framework', () => {
  it('Express 4, CommonJS, jest + supertest, tests in test/', async () => {
    const facts = await detect(express4Tree());
    assert.deepEqual(facts.framework, { name: 'express', major: 4 });
    assert.equal(facts.packageManager, 'npm');
    assert.equal(facts.moduleKind, 'cjs');
    assert.equal(facts.importExtension, '');
    assert.deepEqual(facts.testRunner, { name: 'jest', assertion: 'expect' });
    assert.equal(facts.httpTester, 'supertest');
    assert.deepEqual(facts.zod, { major: 3 });
    assert.equal(facts.typescriptVersion, '5.4.5');
    assert.equal(facts.validation, 'zod');
    assert.deepEqual(facts.layout, {
      sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts',
    });
    assert.deepEqual(facts.style, { quote: 'single', semicolons: true, indent: '  ', trailingComma: true });
    assert.deepEqual(facts.pathAliases, []);
    assert.deepEqual(facts.unknowns, []);
  });

  it('Express 5, ESM NodeNext through extends, vitest + supertest, colocated tests, used @/ alias', async () => {
    const facts = await detect(express5Tree());
    assert.deepEqual(facts.framework, { name: 'express', major: 5 });
    assert.equal(facts.packageManager, 'pnpm');
    assert.equal(facts.moduleKind, 'esm');
    assert.equal(facts.importExtension, '.js');
    assert.deepEqual(facts.testRunner, { name: 'vitest', assertion: 'expect' });
    assert.equal(facts.httpTester, 'supertest');
    assert.deepEqual(facts.zod, { major: 4 });
    assert.equal(facts.layout.appFile, 'src/app.ts');
    assert.equal(facts.layout.routesDir, 'src/routes');
    assert.equal(facts.layout.testsColocated, true);
    assert.equal(facts.layout.testsDir, 'src');
    assert.deepEqual(facts.pathAliases, [{ prefix: '@/', target: 'src/' }], 'the unused #unused/* alias is left out');
    assert.deepEqual(facts.unknowns, []);
  });

  it('Fastify 5 with node:test through tsx, no zod, yarn', async () => {
    const facts = await detect(fastifyTree());
    assert.deepEqual(facts.framework, { name: 'fastify', major: 5 });
    assert.equal(facts.packageManager, 'yarn');
    assert.equal(facts.moduleKind, 'esm');
    assert.equal(facts.importExtension, '', 'Bundler resolution and extensionless neighbours');
    assert.deepEqual(facts.testRunner, { name: 'node:test', assertion: 'node:assert' });
    assert.equal(facts.httpTester, 'fastify-inject');
    assert.equal(facts.zod, undefined);
    assert.equal(facts.validation, 'none');
    assert.equal(facts.layout.appFile, 'src/app.ts');
    assert.equal(facts.layout.routesDir, 'src/routes');
    assert.equal(facts.layout.testsDir, 'test');
    assert.deepEqual(facts.unknowns, []);
  });

  it('NestJS 10 with jest, class-validator DTOs; the app file is the root module', async () => {
    const facts = await detect(nestTree());
    assert.deepEqual(facts.framework, { name: 'nestjs', major: 10 });
    assert.equal(facts.moduleKind, 'cjs');
    assert.deepEqual(facts.testRunner, { name: 'jest', assertion: 'expect' });
    assert.equal(facts.httpTester, 'nest-testing');
    assert.equal(facts.validation, 'class-validator');
    assert.equal(facts.zod, undefined);
    assert.equal(facts.layout.appFile, 'src/app.module.ts');
    assert.equal(facts.layout.sourceDir, 'src', 'rootDir "./" is the root, so src/ is the source folder');
    assert.equal(facts.layout.routesDir, 'src', 'feature folders go beside src/users');
    assert.equal(facts.layout.testSuffix, '.spec.ts');
    assert.equal(facts.layout.testsColocated, true);
    assert.deepEqual(facts.style, { quote: 'single', semicolons: true, indent: '  ', trailingComma: true });
    assert.deepEqual(facts.unknowns, []);
  });

  it('Hono 4 with vitest, sub-apps under src/routes, no semicolons, bun', async () => {
    const facts = await detect(honoTree());
    assert.deepEqual(facts.framework, { name: 'hono', major: 4 });
    assert.equal(facts.packageManager, 'bun');
    assert.equal(facts.moduleKind, 'esm');
    assert.deepEqual(facts.testRunner, { name: 'vitest', assertion: 'expect' });
    assert.equal(facts.httpTester, 'hono-request');
    assert.equal(facts.validation, 'zod');
    assert.equal(facts.layout.appFile, 'src/index.ts');
    assert.equal(facts.layout.routesDir, 'src/routes');
    assert.equal(facts.style.semicolons, false);
    assert.equal(facts.style.quote, 'single');
    assert.deepEqual(facts.unknowns, []);
  });

  it('Hono with @hono/zod-openapi: validation is zod-openapi and OpenAPIHono counts as the app', async () => {
    const facts = await detect(honoTree(true));
    assert.equal(facts.validation, 'zod-openapi');
    assert.equal(facts.layout.appFile, 'src/index.ts');
    assert.equal(facts.layout.routesDir, 'src/routes');
  });
});
