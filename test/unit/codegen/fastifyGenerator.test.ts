import assert from 'node:assert/strict';
import { Project } from 'ts-morph';
import { fastifyGenerator } from '../../../src/core/codegen/fastify/fastifyGenerator';
import { getGeneratorOrThrow } from '../../../src/core/codegen/registry';
import type { CodegenOptions } from '../../../src/core/codegen/types';
import { productSearch, productsCrud, userRegistration } from '../../generation/generationSpecs';
import { memoryProject } from '../../support/memoryProject';

const OPTIONS: CodegenOptions = {
  framework: 'fastify', frameworkMajor: 5, testRunner: 'node:test', moduleKind: 'esm', importExtension: '.js', zodMajor: 4,
  style: { quote: 'single', semicolons: true, indent: '  ', trailingComma: true },
  layout: { sourceDir: 'src', routesDir: 'src/routes', testsDir: 'test', testSuffix: '.test.ts', testsColocated: false, appFile: 'src/app.ts' },
};
const FACTORY_APP = [
  "import Fastify, { type FastifyInstance } from 'fastify';",
  "import { itemRoutes } from './routes/items.js';",
  '',
  'export async function buildApp(): Promise<FastifyInstance> {',
  '  const app = Fastify();',
  "  await app.register(itemRoutes, { prefix: '/items' });",
  '  return app;',
  '}',
  '',
].join('\n');
const INSTANCE_APP = "const fastify = require('fastify');\nimport Fastify from 'fastify';\n\nexport const server = Fastify({ logger: false });\n";
const SEARCH_BODY = 'const all = await repository.list();\nreturn reply.code(200).send(all.filter((p) => p.name.includes(query.q)));';

function parse(text: string) {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile('x.ts', text);
}

describe('codegen: fastify generator', () => {
  it('is registered for fastify', () => {
    assert.equal(getGeneratorOrThrow('fastify'), fastifyGenerator);
    assert.match(fastifyGenerator.handlerContract, /reply\.code\(CODE\)\.send\(VALUE\)/);
  });

  it('registers the plugin once after the existing registrations, awaited inside an async factory', () => {
    const files = memoryProject({ 'src/app.ts': FACTORY_APP });
    files.apply(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
    const app = files.read('src/app.ts')!;
    assert.match(app, /await app\.register\(itemRoutes, \{ prefix: '\/items' \}\);\n {2}await app\.register\(productsRoutes, \{ prefix: '\/products' \}\);\n {2}return app;/);
    assert.match(app, /^import \{ productsRoutes \} from '\.\/routes\/products\.js';$/m);
    assert.deepEqual(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), []);
  });

  it('a second endpoint adds only its route, schema and tests; static paths before /:id', () => {
    const files = memoryProject({ 'src/app.ts': FACTORY_APP });
    files.apply(fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }));
    const second = fastifyGenerator.generate({ spec: productSearch.spec, options: OPTIONS, files, handlerBodies: { searchProducts: SEARCH_BODY } });
    assert.deepEqual(second.map((f) => f.path).sort(), ['src/routes/products.ts', 'src/schemas/products.ts', 'test/products.test.ts']);
    files.apply(second);
    const plugin = parse(files.read('src/routes/products.ts')!);
    const specifiers = plugin.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
    assert.equal(new Set(specifiers).size, specifiers.length, 'no duplicated import declarations');
    const routes = plugin.getFunctionOrThrow('productsRoutes').getStatements().map((s) => s.getText()).filter((t) => t.startsWith('app.'));
    assert.equal(routes.length, 6);
    assert.ok(routes.findIndex((t) => t.startsWith("app.get('/search'")) < routes.findIndex((t) => t.startsWith("app.get('/:id'")));
    const test = files.read('test/products.test.ts')!;
    assert.equal([...test.matchAll(/before\(async/g)].length, 1, 'one app per suite');
    assert.match(test, /app = await buildApp\(\);/);
    assert.match(test, /url: '\/products\/search\?q=example&maxPrice=0'/);
  });

  it('answers 400 with every issue of every part, 201 + Location, 404 and 204', () => {
    const files = memoryProject({ 'src/app.ts': FACTORY_APP });
    const plugin = fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }).find((f) => f.path === 'src/routes/products.ts')!.after;
    assert.match(plugin, /if \(!paramsResult\.success \|\| !bodyResult\.success\) \{\n\s+return reply\.code\(400\)\.send\(toValidationError\(paramsResult\.success \? undefined : paramsResult\.error, bodyResult\.success \? undefined : bodyResult\.error\)\);/);
    assert.match(plugin, /reply\.code\(201\)\.header\('location', `\$\{app\.prefix\}\/\$\{String\(item\.id\)\}`\)/);
    assert.match(plugin, /reply\.code\(404\)/);
    assert.match(plugin, /reply\.code\(204\)\.send\(\)/);
    assert.match(plugin, /const repository = options\.repository \?\? new InMemoryProductRepository\(\);/);
  });

  it('an exported instance is registered at module level without await and imported by the tests', () => {
    const files = memoryProject({ 'src/app.ts': INSTANCE_APP });
    const out = fastifyGenerator.generate({ spec: userRegistration.spec, options: { ...OPTIONS, frameworkMajor: 4, testRunner: 'vitest' }, files, handlerBodies: {} });
    const app = out.find((f) => f.path === 'src/app.ts')!.after;
    assert.match(app, /^server\.register\(usersRoutes, \{ prefix: '\/users' \}\);$/m);
    const test = out.find((f) => f.path === 'test/users.test.ts')!.after;
    assert.match(test, /import \{ server \} from '\.\.\/src\/app\.js';/);
    assert.match(test, /await server\.inject\(/);
    assert.doesNotMatch(test, /beforeAll/);
    const plugin = out.find((f) => f.path === 'src/routes/users.ts')!.after;
    assert.match(plugin, /TODO\(routecraft\)/);
    assert.match(plugin, /return reply\.code\(501\)/);
  });

  it('says what to do when the app file has no Fastify app', () => {
    const files = memoryProject({ 'src/app.ts': 'export const x = 1;\n' });
    assert.throws(() => fastifyGenerator.generate({ spec: productsCrud.spec, options: OPTIONS, files, handlerBodies: {} }), /Could not find an exported Fastify app in src\/app\.ts/);
  });
});
