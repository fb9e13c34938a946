import assert from 'node:assert/strict';
import { Project } from 'ts-morph';
import { expressGenerator } from '../../../../src/core/codegen/express/expressGenerator';
import { honoGenerator } from '../../../../src/core/codegen/hono/honoGenerator';
import type { CodegenOptions, EndpointGenerator } from '../../../../src/core/codegen/types';
import { productSearch, productsCrud } from '../../../generation/generationSpecs';
import { memoryProject } from '../../../support/memoryProject';

/**
 * The route-factory code Express and Hono share (src/core/codegen/shared/routeFactory.ts): a new
 * resource gets a factory taking the repository and an exported instance; a second spec adds its
 * routes inside the factory, before `return`; a hand-written module that only exports the instance
 * gets its routes and a module-level repository appended.
 */
const layout = { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' } as const;
const style = { quote: 'single', semicolons: true, indent: '  ', trailingComma: true } as const;

interface Case {
  readonly name: string;
  readonly generator: EndpointGenerator;
  readonly options: CodegenOptions;
  readonly factory: string;
  readonly instance: string;
  readonly receiver: string;
  readonly app: string;
  /** A hand-written `src/routes/products.ts` exporting only the instance, with one route of its own. */
  readonly handWritten: string;
}

const CASES: readonly Case[] = [
  {
    name: 'express',
    generator: expressGenerator,
    options: { framework: 'express', frameworkMajor: 5, testRunner: 'vitest', moduleKind: 'esm', importExtension: '.js', zodMajor: 4, style, layout },
    factory: 'createProductsRouter',
    instance: 'productsRouter',
    receiver: 'router',
    app: "import express from 'express';\nimport { productsRouter } from './routes/products.js';\n\nexport const app = express();\napp.use(express.json());\napp.use('/products', productsRouter);\n",
    handWritten: "import { Router } from 'express';\n\nexport const productsRouter = Router();\n\nproductsRouter.get('/health', (_req, res) => {\n  res.json({ ok: true });\n});\n",
  },
  {
    name: 'hono',
    generator: honoGenerator,
    options: { framework: 'hono', frameworkMajor: 4, testRunner: 'vitest', moduleKind: 'esm', importExtension: '', zodMajor: 4, style, layout },
    factory: 'createProductsRoute',
    instance: 'productsRoute',
    receiver: 'route',
    app: "import { Hono } from 'hono';\nimport { productsRoute } from './routes/products';\n\nconst app = new Hono();\napp.route('/products', productsRoute);\n\nexport default app;\n",
    handWritten: "import { Hono } from 'hono';\n\nexport const productsRoute = new Hono();\n\nproductsRoute.get('/health', (c) => c.json({ ok: true }));\n",
  },
];

const parse = (text: string) => new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts', text);
/** `receiver.get('/x'` … statements' method and path, in order. */
const routesOf = (texts: readonly string[], receiver: string) =>
  texts.map((t) => new RegExp(`^${receiver}\\.(get|post|put|patch|delete)\\('([^']*)'`).exec(t)).filter((m) => m !== null).map((m) => `${m[1]} ${m[2]}`);

describe('codegen: the shared route factory (Express, Hono)', () => {
  for (const c of CASES) {
    it(`${c.name}: a new resource gets an exported factory taking the repository and the instance built from it; a second spec adds its routes inside the factory, before return`, () => {
      const files = memoryProject({ 'src/app.ts': c.app.replace(/^import .*products.*\n/m, '').replace(/^app\.(use|route)\('\/products'.*\n/m, '') });
      files.apply(c.generator.generate({ spec: productsCrud.spec, options: c.options, files, handlerBodies: {} }));
      files.apply(c.generator.generate({ spec: productSearch.spec, options: c.options, files, handlerBodies: {} }));
      const module = parse(files.read('src/routes/products.ts')!);
      const factory = module.getFunctionOrThrow(c.factory);
      assert.ok(factory.isExported());
      assert.deepEqual(factory.getParameters().map((p) => p.getText()), ['repository: ProductRepository = new InMemoryProductRepository()']);
      const statements = factory.getStatements().map((s) => s.getText());
      assert.equal(statements.at(-1), `return ${c.receiver};`, 'the routes stay before the return');
      const routes = routesOf(statements, c.receiver);
      assert.equal(routes.length, 6, routes.join(', '));
      assert.ok(routes.indexOf('get /search') < routes.indexOf('get /:id'), 'the second spec’s static path goes before /:id');
      assert.equal(module.getVariableDeclarationOrThrow(c.instance).getInitializer()?.getText(), `${c.factory}()`);
      assert.equal(module.getVariableDeclaration('repository'), undefined, 'the factory takes the repository: no module-level one');
    });

    it(`${c.name}: a hand-written module exporting only the instance gets its routes and a module-level repository appended, its own route kept`, () => {
      const files = memoryProject({ 'src/app.ts': c.app, 'src/routes/products.ts': c.handWritten });
      const out = c.generator.generate({ spec: productsCrud.spec, options: c.options, files, handlerBodies: {} });
      files.apply(out);
      const module = parse(files.read('src/routes/products.ts')!);
      assert.equal(module.getFunction(c.factory), undefined, 'no factory is added to a hand-written module');
      const repository = module.getVariableDeclarationOrThrow('repository');
      assert.equal(repository.getTypeNode()?.getText(), 'ProductRepository');
      assert.equal(repository.getInitializer()?.getText(), 'new InMemoryProductRepository()');
      const repositoryImport = module.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === 'InMemoryProductRepository'));
      assert.ok(repositoryImport, 'the repository class is imported');
      assert.ok(repositoryImport.getNamedImports().some((n) => n.getName() === 'ProductRepository' && n.isTypeOnly()), 'its interface type-only');
      const routes = routesOf(module.getStatements().map((s) => s.getText()), c.instance);
      assert.deepEqual(routes.slice(0, 1), ['get /health'], 'its own route stays first');
      assert.equal(routes.length, 6, routes.join(', '));
      assert.deepEqual(c.generator.generate({ spec: productsCrud.spec, options: c.options, files, handlerBodies: {} }), [], 're-running changes nothing');
    });
  }
});
