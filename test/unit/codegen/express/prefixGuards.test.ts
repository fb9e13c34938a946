import assert from 'node:assert/strict';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import { coversPath } from '../../../../src/core/codegen/express/prefixGuards';
import type { CodegenOptions } from '../../../../src/core/codegen/types';
import { memoryProject } from '../../../support/memoryProject';
import { gadgetsListAndGet } from '../../../generation/generationSpecs';

const OPTIONS: CodegenOptions = {
  framework: 'express', frameworkMajor: 4, testRunner: 'jest', moduleKind: 'cjs', importExtension: '', zodMajor: 3,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'src/__tests__', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};

const GADGETS = gadgetsListAndGet.spec;

const ACCOUNTS = "import { Router } from 'express';\nconst router = Router();\nrouter.get('/', (_req, res) => { res.json([]); });\nexport default router;\n";
const GUARDED = "import { Router } from 'express';\nimport { authenticate } from '../auth';\nconst router = Router();\nrouter.use(authenticate);\nrouter.get('/transactions', (_req, res) => { res.json([]); });\nexport default router;\n";
const OPEN = "import { Router } from 'express';\nconst router = Router();\nrouter.get('/transactions', (_req, res) => { res.json([]); });\nexport default router;\n";
const AUTH = "import type { RequestHandler } from 'express';\nexport const authenticate: RequestHandler = (_req, res) => { res.status(401).end(); };\n";

function app(mounts: readonly string[]): string {
  return [
    "import express from 'express';",
    "import { authenticate } from './auth';",
    "import accountRoutes from './routes/accountRoutes';",
    "import transactionRoutes from './routes/transactionRoutes';",
    'const app = express();',
    ...mounts,
    "app.use('*', (_req, res) => { res.status(404).end(); });",
    'export default app;',
    '',
  ].join('\n');
}

function generate(appText: string, transactions: string): string {
  const files = memoryProject({ 'src/app.ts': appText, 'src/auth.ts': AUTH, 'src/routes/accountRoutes.ts': ACCOUNTS, 'src/routes/transactionRoutes.ts': transactions });
  const out = expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} });
  files.apply(out);
  assert.deepEqual(expressGenerator.generate({ spec: GADGETS, options: OPTIONS, files, handlerBodies: {} }), [], 're-run changes nothing');
  return files.text('src/app.ts');
}

describe('codegen: express registration ahead of prefix-wide middleware', () => {
  it('registers before a router mounted at a prefix of the new path that runs router.use(middleware) for everything', () => {
    const text = generate(app(["app.use('/v1/accounts', accountRoutes);", "app.use('/v1', transactionRoutes);"]), GUARDED);
    const ours = text.indexOf("app.use('/v1/gadgets', gadgetsRouter);");
    assert.ok(ours > text.indexOf("app.use('/v1/accounts', accountRoutes);"), 'after the neighbour');
    assert.ok(ours < text.indexOf("app.use('/v1', transactionRoutes);"), `ahead of the guarded /v1 router:\n${text}`);
  });

  it('stays after a prefix router without middleware of its own (the order the project chose)', () => {
    const text = generate(app(["app.use('/v1/accounts', accountRoutes);", "app.use('/v1', transactionRoutes);"]), OPEN);
    const ours = text.indexOf("app.use('/v1/gadgets', gadgetsRouter);");
    assert.ok(ours > text.indexOf("app.use('/v1', transactionRoutes);"), text);
    assert.ok(ours < text.indexOf("app.use('*'"), 'before the catch-all');
  });

  it('registers before a mount that puts middleware in front of its router (app.use(\'/v1\', authenticate, router))', () => {
    const text = generate(app(["app.use('/v1/accounts', accountRoutes);", "app.use('/v1', authenticate, transactionRoutes);"]), OPEN);
    assert.ok(text.indexOf("app.use('/v1/gadgets', gadgetsRouter);") < text.indexOf("app.use('/v1', authenticate"), text);
  });

  it('ignores a guarded router whose prefix does not cover the new path', () => {
    const text = generate(app(["app.use('/v1/accounts', accountRoutes);", "app.use('/v2', transactionRoutes);"]), GUARDED);
    assert.ok(text.indexOf("app.use('/v1/gadgets', gadgetsRouter);") > text.indexOf("app.use('/v2', transactionRoutes);"), text);
  });

  it('registers before the guard when no router is mounted ahead of it', () => {
    const text = generate(app(["app.use('/v1', transactionRoutes);", "app.use('/v1/accounts', accountRoutes);"]), GUARDED);
    const ours = text.indexOf("app.use('/v1/gadgets', gadgetsRouter);");
    assert.ok(ours > 0 && ours < text.indexOf("app.use('/v1', transactionRoutes);"), text);
  });

  it('compares mount paths on segment boundaries', () => {
    assert.equal(coversPath('/v1', '/v1/gadgets'), true);
    assert.equal(coversPath('/', '/gadgets'), true);
    assert.equal(coversPath('/v1/', '/v1'), true);
    assert.equal(coversPath('/v1', '/v10/gadgets'), false);
  });
});
