import assert from 'node:assert/strict';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { EndpointSpecSchema, type EndpointSpec } from '../../../../src/core/endpointSpec';
import { memoryProject, type MemoryProject } from '../../../support/memoryProject';
import { gadgetsListAndGet } from '../../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

const GADGETS = gadgetsListAndGet.spec;

const MEMBERS: EndpointSpec = EndpointSpecSchema.parse({
  version: 1,
  resource: 'member',
  basePath: '/teams/{teamId}/members',
  endpoints: [{
    operationId: 'listMembers', method: 'GET', path: '/teams/{teamId}/members', summary: 'Members of a team',
    pathParams: { type: 'object', required: ['teamId'], properties: { teamId: { type: 'integer', minimum: 1 } } },
    responses: { '200': { description: 'The members' } },
  }],
});

/** A feature-folder project: `src/api/user/` with router, model and `__tests__/`, an `@/` alias, a registry merged into a served document. */
function featureFolderProject(): MemoryProject {
  return memoryProject({
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
    'src/server.ts': [
      "import express from 'express';",
      "import { docsRouter } from '@/docs/docsRouter';",
      "import { userRouter } from '@/api/user/userRouter';",
      'const app = express();',
      "app.use('/users', userRouter);",
      'app.use(docsRouter);',
      "app.use('*', (_req, res) => res.status(404).end());",
      'export { app };',
    ].join('\n'),
    'src/api/user/userModel.ts': "import { z } from 'zod';\nexport const UserSchema = z.object({ name: z.string() });\n",
    'src/api/user/userRouter.ts': [
      "import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';",
      "import { Router } from 'express';",
      "import { UserSchema } from '@/api/user/userModel';",
      'export const userRegistry = new OpenAPIRegistry();',
      'export const userRouter = Router();',
      "userRegistry.register('User', UserSchema);",
      "userRegistry.registerPath({ method: 'get', path: '/users', tags: ['User'], responses: { 200: { description: 'Users' } } });",
      "userRouter.get('/', (_req, res) => { res.json([]); });",
    ].join('\n'),
    'src/api/user/__tests__/userRouter.test.ts': "import request from 'supertest';\nimport { app } from '@/server';\ndescribe('users', () => { it('lists', async () => { await request(app).get('/users'); }); });\n",
    'src/docs/openApiDocument.ts': "import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';\nimport { userRegistry } from '@/api/user/userRouter';\nexport const registry = new OpenAPIRegistry([userRegistry]);\n",
    'src/docs/docsRouter.ts': "import { Router } from 'express';\nimport { registry } from '@/docs/openApiDocument';\nexport const docsRouter = Router();\ndocsRouter.get('/openapi.json', (_req, res) => { res.json(registry.definitions); });\n",
  });
}

describe('codegen: express layout learned from the project', () => {
  it('puts a new feature in its own folder beside the neighbour, named, registered, tested and documented like it', () => {
    const files = featureFolderProject();
    const out = expressGenerator.generate({ spec: GADGETS, options: { ...OPTIONS, layout: { ...OPTIONS.layout, appFile: 'src/server.ts' } }, files, handlerBodies: {} });
    files.apply(out);
    assert.deepEqual(out.map((f) => f.path).sort(), [
      'src/api/gadget/__tests__/gadgetRouter.test.ts', 'src/api/gadget/gadgetModel.ts', 'src/api/gadget/gadgetRepository.ts', 'src/api/gadget/gadgetRouter.ts',
      'src/docs/openApiDocument.ts', 'src/server.ts', 'src/validationError.ts',
    ]);
    const server = files.text('src/server.ts');
    assert.match(server, /import \{ gadgetRouter \} from '@\/api\/gadget\/gadgetRouter';/);
    assert.ok(server.indexOf("app.use('/gadgets', gadgetRouter);") > server.indexOf("app.use('/users', userRouter);"));
    assert.ok(server.indexOf("app.use('/gadgets', gadgetRouter);") < server.indexOf("app.use('*'"), 'before the catch-all');
    assert.match(files.text('src/docs/openApiDocument.ts'), /new OpenAPIRegistry\(\[userRegistry, gadgetRegistry\]\)/);
    const router = files.text('src/api/gadget/gadgetRouter.ts');
    assert.match(router, /export const gadgetRegistry = new OpenAPIRegistry\(\);/);
    assert.match(router, /gadgetRegistry\.register\('Gadget', GadgetSchema\);/);
    assert.match(router, /gadgetRegistry\.registerPath\(\{ method: 'get', path: '\/gadgets\/\{id\}', tags: \['Gadget'\]/);
    const test = files.text('src/api/gadget/__tests__/gadgetRouter.test.ts');
    assert.match(test, /import \{ app \} from '@\/server';/, 'the app through the alias, like the neighbour test');
    assert.doesNotMatch(test, /from 'vitest'/, 'vitest globals, like the neighbour test');
    assert.match(test, /it\('lists GET \/gadgets\/\{id\}'/);
    assert.match(test, /request\(app\)\.get\('\/openapi\.json'\)/);
    assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: { ...OPTIONS, layout: { ...OPTIONS.layout, appFile: 'src/server.ts' } }, files, handlerBodies: {} }), [], 're-run changes nothing');
  });

  it('registers in the index router the app mounts, with its prefix in the tests and its import extension', () => {
    const files = memoryProject({
      'src/app.ts': "import express from 'express';\nimport api from './api/index.js';\nconst app = express();\napp.use('/api/v1', api);\nexport default app;\n",
      'src/api/index.ts': "import express from 'express';\nimport emojis from './emojis.js';\nconst router = express.Router();\nrouter.use('/emojis', emojis);\nexport default router;\n",
      'src/api/emojis.ts': "import express from 'express';\nconst router = express.Router();\nrouter.get('/', (_req, res) => { res.json([]); });\nexport default router;\n",
    });
    const out = expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} });
    files.apply(out);
    assert.ok(out.every((f) => f.path !== 'src/app.ts'), 'the app file is left alone');
    const index = files.text('src/api/index.ts');
    assert.match(index, /import gadgetsRouter from '\.\/gadgets\.js';/, 'a default import, like the neighbour');
    assert.match(files.text('src/api/gadgets.ts'), /export default gadgetsRouter;/);
    assert.match(index, /router\.use\('\/gadgets', gadgetsRouter\);/);
    assert.match(files.text('test/gadgets.test.ts'), /request\(app\)\.get\('\/api\/v1\/gadgets'\)/);
  });

  it('copies the neighbour\'s mount prefix and role naming in a routes/ + controllers/ layering', () => {
    const files = memoryProject({
      'src/app.ts': "import express from 'express';\nimport accountRoutes from './routes/accountRoutes';\nconst app = express();\napp.use('/v1/accounts', accountRoutes);\napp.use('*', (_req, res) => { res.status(404).end(); });\nexport default app;\n",
      'src/routes/accountRoutes.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.get('/', (_req, res) => { res.json([]); });\nexport default router;\n",
    });
    const out = expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} });
    files.apply(out);
    assert.ok(files.exists('src/routes/gadgetRoutes.ts'), `got ${out.map((f) => f.path).join(', ')}`);
    const app = files.text('src/app.ts');
    assert.match(app, /import gadgetsRouter from '\.\/routes\/gadgetRoutes';/);
    assert.ok(app.indexOf("app.use('/v1/gadgets', gadgetsRouter);") > app.indexOf("app.use('/v1/accounts'"));
    assert.ok(app.indexOf("app.use('/v1/gadgets', gadgetsRouter);") < app.indexOf("app.use('*'"));
    assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  });

  it('mounts a resource under a parameterised path in Express syntax, with mergeParams', () => {
    const files = memoryProject({ 'src/app.ts': "import express from 'express';\nexport const app = express();\n" });
    const out = expressGenerator.generate({ spec: MEMBERS, options: OPTIONS, files, handlerBodies: {} });
    files.apply(out);
    assert.match(files.text('src/app.ts'), /app\.use\('\/teams\/:teamId\/members', membersRouter\);/);
    assert.doesNotMatch(files.text('src/app.ts'), /\{teamId\}/);
    assert.match(files.text('src/routes/members.ts'), /Router\(\{ mergeParams: true \}\)/);
  });

  it('registers inside an app factory (export function createApp) and tests call the factory', () => {
    const files = memoryProject({
      'src/app.ts': "import express from 'express';\nimport { userRouter } from './users/userRouter';\n\nexport function createApp() {\n  const app = express();\n  app.use('/users', userRouter);\n  app.use((_req, res) => { res.status(404).end(); });\n  return app;\n}\n",
      'src/users/userRouter.ts': "import { Router } from 'express';\nexport const userRouter = Router();\nuserRouter.get('/', (_req, res) => { res.json([]); });\n",
    });
    const out = expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} });
    files.apply(out);
    const app = files.text('src/app.ts');
    assert.match(app, /\n {2}app\.use\('\/users', userRouter\);\n {2}app\.use\('\/gadgets', gadgetRouter\);\n/, 'inside the factory, after the neighbour');
    assert.ok(files.exists('src/gadgets/gadgetRouter.ts'), `got ${out.map((f) => f.path).join(', ')}`);
    const test = files.text('test/gadgets.test.ts');
    assert.match(test, /import \{ createApp \} from '\.\.\/src\/app';/);
    assert.match(test, /request\(createApp\(\)\)\.get\('\/gadgets'\)/);
    assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  });
});
